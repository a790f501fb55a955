package com.closureconsole.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.sql.DataSource;

import com.closureconsole.ConsoleTest;
import com.closureconsole.TestAccounts;
import com.closureconsole.closure.ClosureState;
import com.closureconsole.closure.ClosureSubmission;
import com.closureconsole.closure.FlowSteps;
import com.closureconsole.closure.SubmissionResult;
import com.closureconsole.closure.WalkedFlow;
import org.springframework.security.test.context.support.WithMockUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

@ConsoleTest
class DashboardFoldTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DashboardFold fold;

    @Autowired
    FlowSteps steps;
    @Autowired
    ClosureSubmission submission;

    @Autowired
    TestAccounts accounts;

    @Value("${closure.ui.time-zone:Asia/Shanghai}")
    String zone;

    TrailWriter trail;

    @BeforeEach
    void writer() {
        trail = new TrailWriter(jdbc);
    }

    /** Folds until block {@code blockNo} is counted, whichever fold (this one or the scheduled one) counts it. */
    private void foldThrough(DashboardFold folder, long blockNo) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.queryForObject("SELECT last_block_no FROM dashboard_fold", Long.class) < blockNo) {
            folder.foldSealed();
            assertThat(System.nanoTime()).as("counted block %d in time", blockNo).isLessThan(deadline);
        }
    }

    /**
     * Runs {@code read} in one snapshot while a transaction of its own holds the fold's row, so no
     * fold moves the figures meanwhile; answers what it read and the watermark of that snapshot.
     */
    private <R> R whileNoFoldRuns(Function<Long, R> read) throws Exception {
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            long watermark;
            try (Statement lock = holder.createStatement();
                 ResultSet row = lock.executeQuery("SELECT last_block_no FROM dashboard_fold FOR UPDATE")) {
                row.next();
                watermark = row.getLong(1);
            }
            TransactionTemplate snapshot = new TransactionTemplate(transactions);
            snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
            snapshot.setReadOnly(true);
            try {
                return snapshot.execute(status -> read.apply(watermark));
            } finally {
                holder.rollback();
            }
        }
    }

    private void assertFiguresEqualARecount(ZoneId days) throws Exception {
        List<Recount> both = whileNoFoldRuns(watermark -> List.of(Recount.expected(jdbc, watermark, days),
                Recount.actual(jdbc)));
        Recount expected = both.get(0);
        Recount actual = both.get(1);
        assertThat(actual.closures()).isEqualTo(expected.closures());
        assertThat(actual.checks()).isEqualTo(expected.checks());
        assertThat(actual.seen()).isEqualTo(expected.seen());
        assertThat(actual.firstChecks()).isEqualTo(expected.firstChecks());
        assertThat(actual.timesToClose()).isEqualTo(expected.timesToClose());
        assertThat(actual.refusals()).isEqualTo(expected.refusals());
        assertThat(actual.notifications()).isEqualTo(expected.notifications());
    }

    /** A day's worth of varied actions on fresh accounts; answers the accounts in the order written. */
    private List<String> writeVariedActions() {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            accounts.add(TrailWriter.newAccountId());
        }
        String a = accounts.get(0), b = accounts.get(1), c = accounts.get(2), d = accounts.get(3);
        trail.check(a, "BALANCE_NOT_ZERO");
        trail.check(a, "BALANCE_NOT_ZERO", "HUABEI_OPEN");
        trail.check(a);
        trail.check(b);
        trail.check(c, "YUEBAO_NOT_EMPTY", "DISPUTE_OR_RESTRICTION");
        trail.write("ELIGIBILITY_CHECK", d, "BLOCKED", Map.of("closable", false, "failedPreCheck", "ACTIVATED",
                "blockers", List.of()));
        trail.write("ELIGIBILITY_CHECK", null, "BLOCKED", Map.of("closable", false, "failedPreCheck", "ACCOUNT_EXISTS",
                "blockers", List.of()));
        trail.write("CLOSURE_SUBMIT", a, "SUCCESS", Map.of("reasonCode", "NO_LONGER_USED"));
        trail.write("CLOSURE_COMPLETE", a, "SUCCESS", Map.of("state", "COMPLETED"));
        trail.write("CLOSURE_SUBMIT", b, "SUCCESS", Map.of("reasonCode", "NO_LONGER_USED"));
        trail.write("CLOSURE_COMPLETE", b, "FAILURE", Map.of("attempt", 1, "willRetry", true));
        trail.write("CLOSURE_FAIL", b, "FAILURE", Map.of("state", "FAILED"));
        trail.write("CLOSURE_SUBMIT", c, "BLOCKED", Map.of("refused", "NOT_ELIGIBLE"));
        trail.write("CLOSURE_SUBMIT", c, "FAILURE", Map.of("refused", "IDENTITY_NOT_VERIFIED"));
        trail.write("CLOSURE_SUBMIT", d, "FAILURE", Map.of("reasonCode", "OTHER"));
        trail.write("CLOSURE_APPROVE", a, "FAILURE", Map.of("refused", "SELF_APPROVAL"));
        trail.write("CLOSURE_REJECT", accounts.get(4), "SUCCESS", Map.of("state", "REJECTED"));
        trail.write("CLOSURE_CANCEL", accounts.get(5), "SUCCESS", Map.of("state", "CANCELLED"));
        trail.write("NOTIFICATION_QUEUED", a, "SUCCESS", Map.of("channel", "EMAIL"));
        trail.write("NOTIFICATION_DELIVERY", a, "FAILURE", Map.of("channel", "EMAIL", "willRetry", true));
        trail.write("NOTIFICATION_DELIVERY", a, "SUCCESS", Map.of("channel", "EMAIL"));
        trail.write("NOTIFICATION_QUEUED", b, "SUCCESS", Map.of("channel", "SMS"));
        trail.write("NOTIFICATION_DELIVERY", b, "FAILURE", Map.of("channel", "SMS", "willRetry", false));
        trail.write("ACCOUNT_VIEW", a, "SUCCESS", Map.of());
        return accounts;
    }

    @Test
    void given_actions_change_the_figures_by_exactly_what_they_did() throws Exception {
        foldThrough(fold, trail.awaitSealed());
        Recount before = whileNoFoldRuns(watermark -> Recount.actual(jdbc));
        List<String> accounts = writeVariedActions();
        String a = accounts.get(0);
        foldThrough(fold, trail.awaitSealed());
        Recount after = whileNoFoldRuns(watermark -> Recount.actual(jdbc));

        assertThat(delta(before.checks(), after.checks())).as("accounts checked, and blocked per condition")
                .containsExactlyInAnyOrderEntriesOf(Map.of("", 4L, "BALANCE_NOT_ZERO", 1L, "HUABEI_OPEN", 1L,
                        "YUEBAO_NOT_EMPTY", 1L, "DISPUTE_OR_RESTRICTION", 1L));
        assertThat(delta(before.closures(), after.closures())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SUBMITTED", 2L, "COMPLETED", 1L, "FAILED", 1L, "REJECTED", 1L, "CANCELLED", 1L));
        assertThat(delta(before.refusals(), after.refusals())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "CLOSURE_SUBMIT|NOT_ELIGIBLE", 1L, "CLOSURE_SUBMIT|IDENTITY_NOT_VERIFIED", 1L,
                "CLOSURE_SUBMIT|UNKNOWN", 1L, "CLOSURE_APPROVE|SELF_APPROVAL", 1L));
        assertThat(sumNotifications(after).get("EMAIL")).as("email: queued, delivered, failed, failed for good")
                .containsExactly(plus(sumNotifications(before).get("EMAIL"), 1, 1, 1, 0));
        assertThat(sumNotifications(after).get("SMS")).as("SMS: queued, delivered, failed, failed for good")
                .containsExactly(plus(sumNotifications(before).get("SMS"), 1, 0, 1, 1));

        Map<String, Object> firstCheck = jdbc.queryForMap("""
                SELECT min(occurred_at) FILTER (WHERE action = 'ELIGIBILITY_CHECK') AS checked,
                       max(occurred_at) FILTER (WHERE action = 'CLOSURE_COMPLETE') AS closed
                  FROM audit_entry WHERE account_id = ?""", a);
        long expectedMillis = Duration.between(((java.sql.Timestamp) firstCheck.get("checked")).toInstant(),
                ((java.sql.Timestamp) firstCheck.get("closed")).toInstant()).toMillis();
        assertThat(jdbc.queryForList("SELECT millis FROM dashboard_time_to_close WHERE account_id = ?", Long.class, a))
                .as("one closure, timed from the account's first check").containsExactly(expectedMillis);
        assertThat(jdbc.queryForList("SELECT millis FROM dashboard_time_to_close WHERE account_id = ?", Long.class,
                accounts.get(1))).as("a closure that failed is not timed").isEmpty();
    }

    private static Map<String, long[]> sumNotifications(Recount figures) {
        Map<String, long[]> sums = new java.util.HashMap<>();
        figures.notifications().forEach((key, value) -> {
            long[] sum = sums.computeIfAbsent(key.substring(key.indexOf('|') + 1), k -> new long[4]);
            String[] parts = value.split(",");
            for (int i = 0; i < 4; i++) {
                sum[i] += Long.parseLong(parts[i]);
            }
        });
        return sums;
    }

    private static long[] plus(long[] before, long... added) {
        long[] sum = before == null ? new long[4] : before.clone();
        for (int i = 0; i < 4; i++) {
            sum[i] += added[i];
        }
        return sum;
    }

    /** What grew between two readings, summed over the days (keys without their day). */
    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> grown = new java.util.HashMap<>(Recount.sumByKeyTail(after));
        Recount.sumByKeyTail(before).forEach((key, count) -> grown.merge(key, -count, Long::sum));
        grown.values().removeIf(count -> count == 0);
        return grown;
    }

    @Test
    @WithMockUser(username = "agent1", roles = "AGENT")
    void a_closure_through_the_console_is_counted_and_timed_from_the_first_check() throws Exception {
        String closed = accounts.closable();
        accounts.setBalance(closed, "12.50");
        assertThat(steps.preview(closed, java.util.UUID.randomUUID()).report().closable()).isFalse();
        accounts.setBalance(closed, "0");
        assertThat(steps.preview(closed, java.util.UUID.randomUUID()).report().closable()).isTrue();
        var submitted = (SubmissionResult.Submitted) submission.submit(WalkedFlow.walked(steps, closed));
        assertThat(submitted.request().state()).isEqualTo(ClosureState.COMPLETED);
        String refused = accounts.closable();
        assertThat(steps.preview(refused, java.util.UUID.randomUUID()).report().closable()).isTrue();
        accounts.setBalance(refused, "0.01");
        assertThat(submission.submit(WalkedFlow.walked(steps, refused))).isInstanceOf(SubmissionResult.Refused.class);

        foldThrough(fold, trail.awaitSealed());

        assertThat(jdbc.queryForList("SELECT code FROM dashboard_check_seen WHERE account_id = ? ORDER BY code",
                String.class, closed)).as("checked, and blocked by its balance that day").containsExactly("", "BALANCE_NOT_ZERO");
        assertThat(jdbc.queryForList("SELECT code FROM dashboard_check_seen WHERE account_id = ?", String.class, refused))
                .as("checked, never blocked at a check").containsExactly("");
        Map<String, Object> moments = jdbc.queryForMap("""
                SELECT min(occurred_at) FILTER (WHERE action = 'ELIGIBILITY_CHECK') AS checked,
                       max(occurred_at) FILTER (WHERE action = 'CLOSURE_COMPLETE' AND outcome = 'SUCCESS') AS closed
                  FROM audit_entry WHERE account_id = ?""", closed);
        assertThat(jdbc.queryForList("SELECT millis FROM dashboard_time_to_close WHERE account_id = ?", Long.class, closed))
                .containsExactly(Duration.between(((java.sql.Timestamp) moments.get("checked")).toInstant(),
                        ((java.sql.Timestamp) moments.get("closed")).toInstant()).toMillis());
        assertFiguresEqualARecount(ZoneId.of(zone));
        assertThat(Recount.actual(jdbc).refusals().keySet()).anyMatch(key -> key.endsWith("|CLOSURE_SUBMIT|NOT_ELIGIBLE"));
    }

    @Test
    void every_figure_equals_a_recount_of_the_sealed_trail() throws Exception {
        writeVariedActions();
        writeVariedActions();
        foldThrough(fold, trail.awaitSealed());
        assertFiguresEqualARecount(ZoneId.of(zone));
    }

    @Test
    void two_folds_at_once_count_every_block_exactly_once() throws Exception {
        DashboardFold one = new DashboardFold(jdbc, transactions, zone);
        DashboardFold other = new DashboardFold(jdbc, transactions, zone);
        List<DashboardFold.Folded> results = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            writeVariedActions();
            trail.awaitSealed();
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<DashboardFold.Folded> first = CompletableFuture.supplyAsync(() -> together(start, one));
            CompletableFuture<DashboardFold.Folded> second = CompletableFuture.supplyAsync(() -> together(start, other));
            results.add(first.get(30, TimeUnit.SECONDS));
            results.add(second.get(30, TimeUnit.SECONDS));
        }
        foldThrough(fold, trail.awaitSealed());
        assertFiguresEqualARecount(ZoneId.of(zone));
    }

    private static DashboardFold.Folded together(CyclicBarrier start, DashboardFold folder) {
        try {
            start.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return folder.foldSealed();
    }

    @Test
    void a_fold_told_the_application_stops_counts_no_further_batch_and_leaves_the_blocks_for_the_next_start() throws Exception {
        trail.check(TrailWriter.newAccountId(), "HUABEI_OPEN");
        long sealed = trail.awaitSealed();
        DashboardFold stopped = new DashboardFold(jdbc, transactions, zone);
        stopped.stopping();

        // (The console's own fold runs every two seconds beside the test, so the block may be counted by it.)
        DashboardFold.Folded folded = stopped.foldSealed();
        assertThat(folded.blocks()).isZero();
        assertThat(folded.busy()).isFalse();
        foldThrough(fold, sealed);
        assertFiguresEqualARecount(ZoneId.of(zone));
    }

    @Test
    void a_fold_that_finds_another_at_work_leaves_the_blocks_to_it() throws Exception {
        trail.check(TrailWriter.newAccountId(), "HUABEI_OPEN");
        long sealed = trail.awaitSealed();
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            long before;
            try (Statement lock = holder.createStatement();
                 ResultSet row = lock.executeQuery("SELECT last_block_no FROM dashboard_fold FOR UPDATE")) {
                row.next();
                before = row.getLong(1);
            }
            DashboardFold.Folded folded = CompletableFuture.supplyAsync(fold::foldSealed).get(10, TimeUnit.SECONDS);
            assertThat(folded.busy()).isTrue();
            assertThat(folded.blocks()).isZero();
            assertThat(jdbc.queryForObject("SELECT last_block_no FROM dashboard_fold", Long.class)).isEqualTo(before);
            holder.rollback();
        }
        foldThrough(fold, sealed);
        assertThat(jdbc.queryForObject("SELECT last_block_no FROM dashboard_fold", Long.class)).isGreaterThanOrEqualTo(sealed);
    }

    @Test
    void another_time_zone_counts_the_whole_trail_again_in_its_days() throws Exception {
        writeVariedActions();
        long sealed = trail.awaitSealed();
        try {
            // The console's own fold switches back to its zone at its next turn: look while it cannot,
            // and count again if it came first.
            List<Object> seen = List.of("");
            for (int attempt = 0; attempt < 10 && !"UTC".equals(seen.get(0)); attempt++) {
                foldAllIn(new DashboardFold(jdbc, transactions, "UTC"), "UTC", sealed);
                seen = whileNoFoldRuns(watermark -> List.of(
                        jdbc.queryForObject("SELECT time_zone FROM dashboard_fold", String.class),
                        Recount.expected(jdbc, watermark, ZoneId.of("UTC")), Recount.actual(jdbc)));
            }
            assertThat(seen.get(0)).as("the figures were seen counted in UTC").isEqualTo("UTC");
            Recount expected = (Recount) seen.get(1);
            Recount actual = (Recount) seen.get(2);
            assertThat(actual.closures()).isEqualTo(expected.closures());
            assertThat(actual.checks()).isEqualTo(expected.checks());
            assertThat(actual.seen()).isEqualTo(expected.seen());
            assertThat(actual.timesToClose()).isEqualTo(expected.timesToClose());
            assertThat(actual.refusals()).isEqualTo(expected.refusals());
            assertThat(actual.notifications()).isEqualTo(expected.notifications());
        } finally {
            foldAllIn(fold, ZoneId.of(zone).getId(), sealed);
        }
        assertFiguresEqualARecount(ZoneId.of(zone));
    }

    /** Folds with {@code folder} until the figures are counted in {@code zoneId} through block {@code blockNo}. */
    private void foldAllIn(DashboardFold folder, String zoneId, long blockNo) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT time_zone = ? AND last_block_no >= ? FROM dashboard_fold", Boolean.class, zoneId, blockNo))) {
            folder.foldSealed();
            assertThat(System.nanoTime()).as("counted in %s in time", zoneId).isLessThan(deadline);
        }
    }
}
