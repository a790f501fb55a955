package com.closureconsole.perf;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Times an operation of the console against the same SQL sent over plain JDBC: for every input the
 * console's call is captured once ({@link StatementCapture}), then console call and JDBC replay
 * alternate (which goes first alternates too), so both meet the same caches and the same load.
 * The replay sends every statement the call sent, its writes (the audit entry) and settings
 * ({@code SET LOCAL}) included: a call that writes is replayed in one transaction that commits, as
 * the console commits its entry, so the replay pays the same insert and the same wait for the WAL.
 */
final class Probe {

    private final Connection jdbc;

    Probe(Connection jdbc) {
        this.jdbc = jdbc;
    }

    <I> void run(Measurement m, List<I> inputs, Consumer<I> consoleCall, int warmup, int iterations) throws Exception {
        Map<I, List<StatementCapture.Captured>> captured = new HashMap<>();
        for (I input : inputs) {
            captured.computeIfAbsent(input, i -> StatementCapture.capture(() -> consoleCall.accept(i)));
        }
        List<StatementCapture.Captured> first = captured.get(inputs.get(0));
        for (StatementCapture.Captured statement : first) {
            m.statements.add(statement.sql());
        }
        for (int i = 0; i < warmup; i++) {
            I input = inputs.get(i % inputs.size());
            consoleCall.accept(input);
            replay(captured.get(input));
        }
        for (int i = 0; i < iterations; i++) {
            I input = inputs.get(i % inputs.size());
            List<StatementCapture.Captured> statements = captured.get(input);
            if (i % 2 == 0) {
                m.console.add(time(() -> consoleCall.accept(input)));
                m.jdbc.add(replay(statements));
            } else {
                m.jdbc.add(replay(statements));
                m.console.add(time(() -> consoleCall.accept(input)));
            }
        }
        for (StatementCapture.Captured statement : first) {
            if (statement.isQuery()) {
                m.plans.add(explain(statement));
            }
        }
    }

    /**
     * Sends the captured statements one after the other and reads every row they answer: reads
     * alone as they come (autocommit), a call with any other statement in one transaction that
     * commits. Answers nanoseconds.
     */
    long replay(List<StatementCapture.Captured> statements) throws Exception {
        long start = System.nanoTime();
        if (statements.stream().allMatch(StatementCapture.Captured::isQuery)) {
            send(statements);
        } else {
            jdbc.setAutoCommit(false);
            try {
                send(statements);
                jdbc.commit();
            } catch (Exception e) {
                jdbc.rollback();
                throw e;
            } finally {
                jdbc.setAutoCommit(true);
            }
        }
        return System.nanoTime() - start;
    }

    private void send(List<StatementCapture.Captured> statements) throws Exception {
        for (StatementCapture.Captured statement : statements) {
            try (PreparedStatement ps = statement.prepare(jdbc, "")) {
                if (statement.answersRows()) {
                    readAll(ps);
                } else {
                    ps.execute();
                }
            }
        }
    }

    /** PostgreSQL's plan of a captured query, run with its parameters. */
    String explain(StatementCapture.Captured statement) throws Exception {
        try (PreparedStatement ps = statement.prepare(jdbc, "EXPLAIN (ANALYZE, BUFFERS) ");
             ResultSet rs = ps.executeQuery()) {
            StringBuilder plan = new StringBuilder(statement.sql().strip()).append("\n--\n");
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
            return plan.toString();
        }
    }

    static int readAll(PreparedStatement ps) throws Exception {
        int rows = 0;
        try (ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                rows++;
                for (int c = 1; c <= columns; c++) {
                    rs.getObject(c);
                }
            }
        }
        return rows;
    }

    static long time(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    static <T> List<T> cycle(List<T> values, int size) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            out.add(values.get(i % values.size()));
        }
        return out;
    }
}
