package com.closureconsole.perf;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs named SQL tasks on a few sessions at once, each task as soon as the tasks it needs are done,
 * in the order they were added otherwise. A failure stops the whole run.
 */
final class TaskGraph {

    interface Work {
        void run(Connection connection) throws SQLException;
    }

    interface Sessions {
        Connection open() throws SQLException;
    }

    private record Task(String name, List<String> needs, Work work) {
    }

    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final List<String> started = new ArrayList<>();
    private final List<String> done = new ArrayList<>();
    private final LargeDataset.Progress progress;
    private Throwable failure;

    TaskGraph(LargeDataset.Progress progress) {
        this.progress = progress;
    }

    String add(String name, List<String> needs, Work work) {
        if (tasks.containsKey(name)) {
            throw new IllegalArgumentException("two tasks named " + name);
        }
        tasks.put(name, new Task(name, List.copyOf(needs), work));
        return name;
    }

    void run(int sessions, Sessions connections) throws Exception {
        List<Thread> workers = new ArrayList<>();
        for (int i = 1; i <= sessions; i++) {
            Thread worker = new Thread(() -> work(connections), "loader-" + i);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure != null) {
            throw new IllegalStateException("loading failed", failure);
        }
    }

    private void work(Sessions connections) {
        try (Connection connection = connections.open()) {
            Task task;
            while ((task = next()) != null) {
                Instant start = Instant.now();
                progress.log("%s: started (%s)", task.name(), Thread.currentThread().getName());
                task.work().run(connection);
                progress.log("%s: done in %.1f s", task.name(), Duration.between(start, Instant.now()).toMillis() / 1000.0);
                finished(task);
            }
        } catch (Throwable e) {
            synchronized (this) {
                if (failure == null) {
                    failure = e;
                }
                notifyAll();
            }
        }
    }

    /** The next task whose needs are met, waiting while others run; null when all are taken or one failed. */
    private synchronized Task next() throws InterruptedException {
        while (failure == null) {
            boolean anyLeft = false;
            for (Task task : tasks.values()) {
                if (started.contains(task.name())) {
                    continue;
                }
                anyLeft = true;
                if (done.containsAll(task.needs())) {
                    started.add(task.name());
                    return task;
                }
            }
            if (!anyLeft) {
                return null;
            }
            wait();
        }
        return null;
    }

    private synchronized void finished(Task task) {
        done.add(task.name());
        notifyAll();
    }
}
