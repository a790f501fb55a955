package com.closureconsole.audit;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** Runs exports and verifications on two threads of their own, away from the request threads. */
@Component
class AuditJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditJobs.class);

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, work -> {
        Thread thread = new Thread(work, "audit-job-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    <R> AuditJob<R> start(String what, Function<AuditJob<R>, R> work) {
        AuditJob<R> job = new AuditJob<>();
        executor.execute(() -> {
            try {
                job.complete(work.apply(job));
            } catch (CancellationException e) {
                log.info("Audit {} cancelled: {}", what, e.getMessage());
                job.fail(e);
            } catch (RuntimeException | Error e) {
                log.error("Audit {} failed", what, e);
                job.fail(e);
            }
        });
        return job;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
