package com.closureconsole.audit;

import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs exports and verifications on two threads of their own, away from the request threads. One
 * that fails (the database went away, the output could not be written) is audited as a failure
 * with its error code, in a transaction of its own.
 */
@Component
class AuditJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditJobs.class);

    private final AuditLog trail;

    AuditJobs(AuditLog trail) {
        this.trail = trail;
    }

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, work -> {
        Thread thread = new Thread(work, "audit-job-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    <R> AuditJob<R> start(AuditAction action, Actor actor, Function<AuditJob<R>, R> work) {
        String what = action.name();
        AuditJob<R> job = new AuditJob<>();
        executor.execute(() -> {
            try {
                job.complete(work.apply(job));
            } catch (CancellationException e) {
                log.info("Audit {} cancelled: {}", what, e.getMessage());
                job.fail(e);
            } catch (RuntimeException | Error e) {
                log.error("Audit {} failed", what, e);
                recordFailure(action, actor, job, e);
                job.fail(e);
            }
        });
        return job;
    }

    private void recordFailure(AuditAction action, Actor actor, AuditJob<?> job, Throwable failure) {
        try {
            trail.recordRefusal(AuditEvent.of(action, null, AuditOutcome.FAILURE,
                    Map.of("error", ErrorCodes.of(failure), "entriesDone", job.done())), actor);
        } catch (RuntimeException e) {
            e.addSuppressed(failure);
            log.error("Could not audit the failed {}", action, e);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
