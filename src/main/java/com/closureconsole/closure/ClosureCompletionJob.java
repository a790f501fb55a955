package com.closureconsole.closure;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Completes requests whose cooling-off has ended, each in a transaction of its own, so one that
 * fails holds back no other. A deadlock or serialisation failure is tried again at once; any
 * other failure is counted and tried again later, after a pause that doubles each time, and after
 * the last attempt the request FAILED with its reason. When the database cannot be reached, the
 * pass ends at once and counts no attempt against anyone: what was in flight rolled back, and the
 * next pass takes the requests up again. Safe when several console nodes run it at
 * once: a request's completion locks its account row and then the request, and completes only
 * what is still cooling off.
 */
@Component
class ClosureCompletionJob {

    private static final Logger log = LoggerFactory.getLogger(ClosureCompletionJob.class);
    static final int BATCH = 50;
    static final int TRANSIENT_TRIES = 3;

    private final JdbcTemplate jdbc;
    private final ClosureCompletion completion;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration firstRetry;

    ClosureCompletionJob(JdbcTemplate jdbc, ClosureCompletion completion, Clock clock,
                         @Value("${closure.completion.max-attempts:5}") int maxAttempts,
                         @Value("${closure.completion.first-retry:1m}") Duration firstRetry) {
        this.jdbc = jdbc;
        this.completion = completion;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
    }

    /** Runs one pass; answers how many requests it finished (completed, or failed at the re-check). */
    @Scheduled(fixedDelayString = "${closure.policy.completion-interval:30s}", initialDelayString = "${closure.policy.completion-interval:30s}")
    public int completeDue() {
        int[] done = {0};
        try {
            completeDue(done);
        } catch (RuntimeException e) {
            if (!Failures.isDatabaseUnavailable(e)) {
                throw e;
            }
            log.warn("The database is unavailable; this completion pass ends after {} request(s), the rest stay due: {}",
                    done[0], Failures.code(e));
        }
        if (done[0] > 0) {
            log.info("Finished {} closure request(s) whose cooling-off ended", done[0]);
        }
        return done[0];
    }

    private void completeDue(int[] done) {
        Set<UUID> seen = new HashSet<>();
        while (true) {
            Instant now = clock.instant();
            List<UUID> fresh = jdbc.queryForList("""
                    SELECT id FROM closure_request
                     WHERE state = 'COOLING_OFF' AND due_at <= ? AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
                     ORDER BY due_at LIMIT ?""", UUID.class, Timestamp.from(now), Timestamp.from(now), BATCH)
                    .stream().filter(seen::add).toList();
            if (fresh.isEmpty()) {
                break;
            }
            for (UUID id : fresh) {
                if (completeOne(id)) {
                    done[0]++;
                }
            }
        }
    }

    private boolean completeOne(UUID id) {
        for (int attempt = 1; ; attempt++) {
            try {
                return completion.completeIfDue(id).isPresent();
            } catch (RuntimeException e) {
                if (Failures.isDatabaseUnavailable(e)) {
                    throw e;
                }
                if (Failures.isTransient(e) && attempt < TRANSIENT_TRIES && pause(attempt)) {
                    log.info("Completing closure request {} met {}; trying again at once", id, Failures.code(e));
                    continue;
                }
                recordFailure(id, e);
                return false;
            }
        }
    }

    private void recordFailure(UUID id, RuntimeException failure) {
        String code = Failures.code(failure);
        try {
            int attempts = completion.recordFailedAttempt(id, code, maxAttempts, firstRetry);
            log.warn("Completing closure request {} failed (attempt {} of {}): {}", id, attempts, maxAttempts, code, failure);
            if (attempts >= maxAttempts) {
                completion.giveUp(id, code);
                log.warn("Closure request {} failed after {} attempts: {}", id, attempts, code);
            }
        } catch (RuntimeException e) {
            log.error("Could not record the failed completion of closure request {}; it stays due", id, e);
        }
    }

    /** A short, slightly random pause before an immediate retry; false when interrupted. */
    private static boolean pause(int attempt) {
        try {
            Thread.sleep(20L * attempt + ThreadLocalRandom.current().nextLong(20));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted before retrying a closure completion", e);
            return false;
        }
    }
}
