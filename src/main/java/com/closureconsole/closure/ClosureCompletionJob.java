package com.closureconsole.closure;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Completes requests whose cooling-off has ended, each in a transaction of its own, so one that
 * fails holds back no other. Safe when several console nodes run it at once: a request's
 * completion locks its account row and then the request, and completes only what is still
 * cooling off.
 */
@Component
public class ClosureCompletionJob {

    private static final Logger log = LoggerFactory.getLogger(ClosureCompletionJob.class);
    static final int BATCH = 50;

    private final JdbcTemplate jdbc;
    private final ClosureCompletion completion;
    private final Clock clock;

    ClosureCompletionJob(JdbcTemplate jdbc, ClosureCompletion completion, Clock clock) {
        this.jdbc = jdbc;
        this.completion = completion;
        this.clock = clock;
    }

    /** Runs one pass; answers how many requests it finished (completed, or failed at the re-check). */
    @Scheduled(fixedDelayString = "${closure.policy.completion-interval:30s}", initialDelayString = "${closure.policy.completion-interval:30s}")
    public int completeDue() {
        int done = 0;
        Set<UUID> seen = new HashSet<>();
        while (true) {
            List<UUID> fresh = jdbc.queryForList("""
                    SELECT id FROM closure_request WHERE state = 'COOLING_OFF' AND due_at <= ?
                     ORDER BY due_at LIMIT ?""", UUID.class, Timestamp.from(clock.instant()), BATCH)
                    .stream().filter(seen::add).toList();
            if (fresh.isEmpty()) {
                break;
            }
            for (UUID id : fresh) {
                try {
                    if (completion.completeIfDue(id).isPresent()) {
                        done++;
                    }
                } catch (RuntimeException e) {
                    log.warn("Completing closure request {} failed; it stays due", id, e);
                }
            }
        }
        if (done > 0) {
            log.info("Finished {} closure request(s) whose cooling-off ended", done);
        }
        return done;
    }
}
