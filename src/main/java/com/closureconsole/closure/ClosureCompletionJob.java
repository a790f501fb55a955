package com.closureconsole.closure;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes requests whose cooling-off has ended. Safe when several console nodes run it at once:
 * each claims its rows with {@code FOR UPDATE SKIP LOCKED}, so no request is taken twice.
 */
@Component
public class ClosureCompletionJob {

    private static final Logger log = LoggerFactory.getLogger(ClosureCompletionJob.class);
    static final int BATCH = 50;

    private final JdbcTemplate jdbc;
    private final ClosureWorkflow workflow;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ClosureCompletionJob(JdbcTemplate jdbc, ClosureWorkflow workflow, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.workflow = workflow;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Runs one pass; answers how many requests it finished. */
    @Scheduled(fixedDelayString = "${closure.policy.completion-interval:30s}", initialDelayString = "${closure.policy.completion-interval:30s}")
    public int completeDue() {
        int done = 0;
        while (true) {
            Integer finished = transactions.execute(status -> {
                List<UUID> claimed = jdbc.queryForList("""
                        SELECT id FROM closure_request
                         WHERE state = 'COOLING_OFF' AND due_at <= ?
                         ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED""", UUID.class,
                        Timestamp.from(clock.instant()), BATCH);
                int count = 0;
                for (UUID id : claimed) {
                    // Joins this transaction: the claim's lock is held until each completion commits.
                    if (workflow.completeIfDue(id).isPresent()) {
                        count++;
                    }
                }
                return claimed.isEmpty() ? -1 : count;
            });
            if (finished == null || finished < 0) {
                break;
            }
            done += finished;
            if (finished == 0) {
                break;
            }
        }
        if (done > 0) {
            log.info("Completed {} closure request(s) whose cooling-off ended", done);
        }
        return done;
    }
}
