package com.closureconsole.dashboard;

import java.time.ZoneId;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds newly sealed audit blocks into the dashboard's daily tables, every
 * {@code closure.dashboard.fold-interval} (default 2 s). Each batch of blocks is one transaction
 * that first takes the row lock of {@code dashboard_fold} ({@code SKIP LOCKED}: a node that finds
 * it taken leaves the turn to the node holding it), reads the watermark, adds the entries of the
 * next blocks to the daily figures and moves the watermark past them. Figures and watermark commit
 * together, so a block is counted exactly once whichever node folds it and whatever fails midway.
 * Blocks commit in number order (one sealer, chained blocks), so no block can appear behind the
 * watermark later.
 */
@Component
class DashboardFold {

    /** Blocks per transaction: at most 20 × 5,000 entries, a second or so of work. */
    static final int MAX_BLOCKS = 20;
    private static final Logger log = LoggerFactory.getLogger(DashboardFold.class);

    /** The entries of blocks (?, ?], with their day in the zone given first. */
    private static final String STAGED = """
            staged AS MATERIALIZED (
                SELECT e.id, e.occurred_at, (e.occurred_at AT TIME ZONE CAST(? AS text))::date AS day, e.action, e.account_id,
                       e.outcome, e.details
                  FROM audit_entry_seal s JOIN audit_entry e ON e.id = s.entry_id AND e.occurred_at = s.occurred_at
                 WHERE s.block_no > ? AND s.block_no <= ?
                   AND e.action IN ('ELIGIBILITY_CHECK', 'CLOSURE_SUBMIT', 'CLOSURE_APPROVE', 'CLOSURE_REJECT',
                                    'CLOSURE_CANCEL', 'CLOSURE_COMPLETE', 'CLOSURE_FAIL',
                                    'NOTIFICATION_QUEUED', 'NOTIFICATION_DELIVERY'))
            """;

    private static final String CLOSURES = "WITH " + STAGED + """
            INSERT INTO dashboard_closure_day AS d (day, outcome, closures)
            SELECT day, outcome, count(*)
              FROM (SELECT day, CASE
                        WHEN action = 'CLOSURE_SUBMIT' AND outcome = 'SUCCESS' THEN 'SUBMITTED'
                        WHEN action = 'CLOSURE_COMPLETE' AND outcome = 'SUCCESS' THEN 'COMPLETED'
                        WHEN action = 'CLOSURE_FAIL' THEN 'FAILED'
                        WHEN action = 'CLOSURE_REJECT' AND outcome = 'SUCCESS' THEN 'REJECTED'
                        WHEN action = 'CLOSURE_CANCEL' AND outcome = 'SUCCESS' THEN 'CANCELLED' END AS outcome
                      FROM staged) c
             WHERE outcome IS NOT NULL
             GROUP BY day, outcome
            ON CONFLICT (day, outcome) DO UPDATE SET closures = d.closures + excluded.closures
            """;

    /** Accounts checked per day and per blocking condition: only what this day had not seen for the account counts. */
    private static final String CHECKS = "WITH " + STAGED + """
            , checks AS (
                SELECT day, account_id, details FROM staged
                 WHERE action = 'ELIGIBILITY_CHECK' AND account_id IS NOT NULL),
            seen AS (
                INSERT INTO dashboard_check_seen (day, account_id, code)
                SELECT DISTINCT day, account_id, code
                  FROM (SELECT day, account_id, '' AS code FROM checks
                        UNION ALL
                        SELECT c.day, c.account_id, b.blocker ->> 'code'
                          FROM checks c,
                               jsonb_array_elements(CASE WHEN jsonb_typeof(c.details -> 'blockers') = 'array'
                                                         THEN c.details -> 'blockers' ELSE '[]'::jsonb END) AS b (blocker)
                         WHERE b.blocker ->> 'code' IS NOT NULL) AS codes
                ON CONFLICT DO NOTHING
                RETURNING day, code)
            INSERT INTO dashboard_check_day AS d (day, code, accounts)
            SELECT day, code, count(*) FROM seen GROUP BY day, code
            ON CONFLICT (day, code) DO UPDATE SET accounts = d.accounts + excluded.accounts
            """;

    private static final String FIRST_CHECKS = "WITH " + STAGED + """
            INSERT INTO dashboard_first_check AS f (account_id, first_checked_at)
            SELECT account_id, min(occurred_at) FROM staged
             WHERE action = 'ELIGIBILITY_CHECK' AND account_id IS NOT NULL
             GROUP BY account_id
            ON CONFLICT (account_id) DO UPDATE SET first_checked_at = excluded.first_checked_at
             WHERE excluded.first_checked_at < f.first_checked_at
            """;

    /** Runs after {@link #FIRST_CHECKS}, so a check sealed in the same batch as its closure counts. */
    private static final String TIMES_TO_CLOSE = "WITH " + STAGED + """
            INSERT INTO dashboard_time_to_close (entry_id, day, account_id, millis)
            SELECT s.id, s.day, s.account_id,
                   floor(extract(epoch FROM s.occurred_at - f.first_checked_at) * 1000)::bigint
              FROM staged s JOIN dashboard_first_check f ON f.account_id = s.account_id
             WHERE s.action = 'CLOSURE_COMPLETE' AND s.outcome = 'SUCCESS' AND f.first_checked_at <= s.occurred_at
            """;

    private static final String REFUSALS = "WITH " + STAGED + """
            INSERT INTO dashboard_refusal_day AS d (day, action, reason, refusals)
            SELECT day, action, coalesce(details ->> 'refused', 'UNKNOWN'), count(*) FROM staged
             WHERE action IN ('CLOSURE_SUBMIT', 'CLOSURE_APPROVE', 'CLOSURE_REJECT', 'CLOSURE_CANCEL')
               AND outcome IN ('FAILURE', 'BLOCKED')
             GROUP BY 1, 2, 3
            ON CONFLICT (day, action, reason) DO UPDATE SET refusals = d.refusals + excluded.refusals
            """;

    private static final String NOTIFICATIONS = "WITH " + STAGED + """
            INSERT INTO dashboard_notification_day AS d (day, channel, queued, delivered, failed_attempts, failed_for_good)
            SELECT day, coalesce(details ->> 'channel', 'UNKNOWN'),
                   count(*) FILTER (WHERE action = 'NOTIFICATION_QUEUED'),
                   count(*) FILTER (WHERE action = 'NOTIFICATION_DELIVERY' AND outcome = 'SUCCESS'),
                   count(*) FILTER (WHERE action = 'NOTIFICATION_DELIVERY' AND outcome = 'FAILURE'),
                   count(*) FILTER (WHERE action = 'NOTIFICATION_DELIVERY' AND outcome = 'FAILURE'
                                      AND details ->> 'willRetry' = 'false')
              FROM staged
             WHERE action IN ('NOTIFICATION_QUEUED', 'NOTIFICATION_DELIVERY')
             GROUP BY 1, 2
            ON CONFLICT (day, channel) DO UPDATE SET queued = d.queued + excluded.queued,
                   delivered = d.delivered + excluded.delivered,
                   failed_attempts = d.failed_attempts + excluded.failed_attempts,
                   failed_for_good = d.failed_for_good + excluded.failed_for_good
            """;

    private static final List<String> FOLDS = List.of(CLOSURES, CHECKS, FIRST_CHECKS, TIMES_TO_CLOSE, REFUSALS,
            NOTIFICATIONS);
    private static final List<String> AGGREGATES = List.of("dashboard_closure_day", "dashboard_check_seen",
            "dashboard_check_day", "dashboard_first_check", "dashboard_time_to_close", "dashboard_refusal_day",
            "dashboard_notification_day");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final String zone;
    private volatile boolean failing;
    /** Set when the application begins to stop: a long first pass ends after its batch, before the database goes. */
    private volatile boolean stopping;

    DashboardFold(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                  @Value("${closure.ui.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.zone = ZoneId.of(zone).getId();
    }

    /** What one call did: blocks and entries counted, and whether another node held the fold. */
    record Folded(int blocks, long entries, boolean busy) {
    }

    /** Folds every sealed block not yet counted, batch by batch; stops when another node holds the fold. */
    Folded foldSealed() {
        int blocks = 0;
        long entries = 0;
        while (!stopping && !Thread.currentThread().isInterrupted()) {
            Folded batch = transaction.execute(status -> foldBatch());
            if (batch == null || batch.busy()) {
                return new Folded(blocks, entries, true);
            }
            blocks += batch.blocks();
            entries += batch.entries();
            if (batch.blocks() < MAX_BLOCKS) {
                break;
            }
        }
        return new Folded(blocks, entries, false);
    }

    @EventListener(ContextClosedEvent.class)
    void stopping() {
        stopping = true;
    }

    @Scheduled(fixedDelayString = "${closure.dashboard.fold-interval:2s}",
            initialDelayString = "${closure.dashboard.fold-interval:2s}")
    void turn() {
        try {
            Folded folded = foldSealed();
            if (failing) {
                log.info("The dashboard's fold works again");
                failing = false;
            }
            if (folded.blocks() >= MAX_BLOCKS) {
                log.info("Dashboard: counted {} sealed audit blocks ({} entries)", folded.blocks(), folded.entries());
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("The dashboard cannot count sealed audit blocks now; it tries again at its next turn: {}",
                        e.getMessage(), e);
                failing = true;
            }
        }
    }

    private Folded foldBatch() {
        List<Object[]> state = jdbc.query(
                "SELECT last_block_no, time_zone FROM dashboard_fold FOR UPDATE SKIP LOCKED",
                (row, n) -> new Object[] {row.getLong(1), row.getString(2)});
        if (state.isEmpty()) {
            return new Folded(0, 0, true);
        }
        // A plan for these block numbers, never a generic one: a statement prepared once and run
        // often gets a plan that cannot know how few seals a range of blocks holds, and hashes
        // the whole trail (seconds per batch, the dashboard falling behind) instead of probing it.
        jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        long last = (Long) state.get(0)[0];
        String foldedZone = (String) state.get(0)[1];
        if (!zone.equals(foldedZone)) {
            last = restartIn(foldedZone);
        }
        Long target = jdbc.queryForObject("""
                SELECT max(block_no) FROM (SELECT block_no FROM audit_block WHERE block_no > ?
                                            ORDER BY block_no LIMIT ?) AS next""", Long.class, last, MAX_BLOCKS);
        if (target == null) {
            jdbc.update("UPDATE dashboard_fold SET caught_up_at = statement_timestamp()");
            return new Folded(0, 0, false);
        }
        for (String fold : FOLDS) {
            jdbc.update(fold, zone, last, target);
        }
        long entries = jdbc.queryForObject(
                "SELECT coalesce(sum(entry_count), 0) FROM audit_block WHERE block_no > ? AND block_no <= ?",
                Long.class, last, target);
        boolean caughtUp = Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT NOT EXISTS (SELECT 1 FROM audit_block WHERE block_no > ?)", Boolean.class, target));
        jdbc.update("""
                UPDATE dashboard_fold SET last_block_no = ?, entries_folded = entries_folded + ?,
                       caught_up_at = CASE WHEN ? THEN statement_timestamp() ELSE caught_up_at END""",
                target, entries, caughtUp);
        return new Folded((int) (target - last), entries, false);
    }

    /** Days are counted in another zone than before: everything is counted again from the first block. */
    private long restartIn(String foldedZone) {
        if (foldedZone != null) {
            log.warn("The console's time zone is now {} (the dashboard counted days in {}): counting the audit "
                    + "trail again from its first block", zone, foldedZone);
        }
        for (String table : AGGREGATES) {
            jdbc.update("DELETE FROM " + table);
        }
        jdbc.update("UPDATE dashboard_fold SET last_block_no = 0, entries_folded = 0, time_zone = ?, caught_up_at = NULL",
                zone);
        return 0;
    }
}
