package com.closureconsole.perf;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.closureconsole.account.AccountViewed;
import com.closureconsole.audit.AuditOutcome;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit ledger's two throughput figures (issue items 1 and 5):
 *
 * <ul>
 *   <li>audited appends through the console's own recording path (an {@link AuditEvent}
 *       published outside any transaction: the audit module writes it in a transaction of its
 *       own, the database giving id and time by the columns' defaults, while the sealer seals
 *       in the same JVM) at 1, 16 and 64 concurrent writers, each round beside plain inserts of the
 *       same rows, over the same pool and role, into a copy of the table without the ledger (same
 *       columns and indexes; no trigger, queue or partitions), on a server with synchronous commit
 *       on; target: at least 0.8× the plain rate;</li>
 *   <li>the console's full verification of the ledger (every entry, block, signature and stored
 *       digest); target: at least 200,000 entries/s.</li>
 * </ul>
 */
final class LedgerBenchmark {

    static final double APPEND_RATIO = 0.8;
    static final double VERIFY_ENTRIES_PER_SECOND = 200_000;
    static final List<Integer> WRITERS = List.of(1, 16, 64);
    static final String PLAIN_TABLE = "perf_plain_audit";
    private static final String DETAILS = "{}"; // what AccountViewed records for an account found

    private final PerfConsole console;
    private final Connection superuser;
    private final boolean quick;

    LedgerBenchmark(PerfConsole console, Connection superuser, boolean quick) {
        this.console = console;
        this.superuser = superuser;
        this.quick = quick;
    }

    /** The appends at each number of writers, audited and plain alternating, with the server's commit settings. */
    Map<String, Object> appends() throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        DataSource pool = console.bean(DataSource.class);
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        String synchronousCommit = jdbc.queryForObject("SHOW synchronous_commit", String.class);
        String fsync = jdbc.queryForObject("SHOW fsync", String.class);
        System.out.printf("appends: synchronous_commit = %s, fsync = %s (the console's own connections)%n",
                synchronousCommit, fsync);
        result.put("synchronousCommit", synchronousCommit);
        result.put("fsync", fsync);
        result.put("role", jdbc.queryForObject("SELECT current_user", String.class));
        result.put("audited", "ApplicationEventPublisher.publishEvent(AuditEvent.of(ACCOUNT_VIEW, account, SUCCESS, details)) "
                + "outside a transaction, signed in as agent1: AuditRecorder -> AuditLog, one insert and commit each");
        result.put("plain", "INSERT INTO " + PLAIN_TABLE + " (same columns and values, details parsed to jsonb) "
                + "in a transaction of its own, through the console's pool and role");
        createPlainTable();
        settle(jdbc);
        int seconds = quick ? 3 : 8;
        int rounds = 3;
        result.put("secondsPerRound", seconds);
        result.put("roundsEach", rounds);
        List<Map<String, Object>> levels = new ArrayList<>();
        try {
            for (int writers : WRITERS) {
                long plain = 0;
                long audited = 0;
                double plainSeconds = 0;
                double auditedSeconds = 0;
                for (int round = 0; round < rounds; round++) {
                    long t0 = System.nanoTime();
                    plain += run(writers, seconds, this::plainInsert);
                    plainSeconds += (System.nanoTime() - t0) / 1e9;
                    t0 = System.nanoTime();
                    audited += run(writers, seconds, this::auditedAppend);
                    auditedSeconds += (System.nanoTime() - t0) / 1e9;
                }
                Map<String, Object> level = new LinkedHashMap<>();
                double plainRate = plain / plainSeconds;
                double auditedRate = audited / auditedSeconds;
                level.put("writers", writers);
                level.put("plainPerSecond", Math.round(plainRate));
                level.put("auditedPerSecond", Math.round(auditedRate));
                level.put("ratio", Math.round(auditedRate / plainRate * 100) / 100.0);
                level.put("met", auditedRate >= APPEND_RATIO * plainRate);
                levels.add(level);
                System.out.printf(Locale.ROOT, "appends, %d writers: plain %,.0f/s, audited %,.0f/s (%.2f×)%n",
                        writers, plainRate, auditedRate, auditedRate / plainRate);
            }
        } finally {
            try (Statement st = superuser.createStatement()) {
                st.execute("DROP TABLE IF EXISTS " + PLAIN_TABLE);
            }
        }
        result.put("levels", levels);
        result.put("targetRatio", APPEND_RATIO);
        // Everything appended is sealed in time: nothing is left queued a few seconds later.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long queued;
        while ((queued = jdbc.queryForObject("SELECT count(*) FROM audit_unsealed", Long.class)) > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        result.put("queuedAfterwards", queued);
        return result;
    }

    /**
     * Waits (up to 30 minutes) until the console's background work on the trail is done: every
     * entry sealed and every block counted by the dashboard, so what follows is measured without
     * the dashboard's first pass over a newly loaded trail (about 20 minutes for 10,000,000
     * entries) running beside it.
     */
    static void settle(JdbcTemplate jdbc) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        long logged = 0;
        while (System.nanoTime() < deadline) {
            Long behind = jdbc.queryForObject("""
                    SELECT (SELECT count(*) FROM audit_unsealed)
                           + coalesce((SELECT max(block_no) FROM audit_block), 0) - (SELECT last_block_no FROM dashboard_fold)""",
                    Long.class);
            if (behind == null || behind <= 0) {
                return;
            }
            if (System.nanoTime() - logged > TimeUnit.SECONDS.toNanos(30)) {
                System.out.printf(Locale.ROOT, "waiting for the sealer and the dashboard (%,d entries and blocks behind)%n",
                        behind);
                logged = System.nanoTime();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the sealer and the dashboard did not catch up within 30 minutes");
    }

    /** The console's verification of the whole ledger, entries per second. */
    Map<String, Object> verification() {
        Map<String, Object> result = PerfLedger.verifyAll(console);
        result.put("targetEntriesPerSecond", VERIFY_ENTRIES_PER_SECOND);
        result.put("met", Boolean.TRUE.equals(result.get("intact"))
                && ((Number) result.get("entriesPerSecond")).doubleValue() >= VERIFY_ENTRIES_PER_SECOND);
        System.out.println("verification: " + result);
        return result;
    }

    private void createPlainTable() throws Exception {
        String app = new JdbcTemplate(console.bean(DataSource.class)).queryForObject("SELECT current_user", String.class);
        try (Statement st = superuser.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + PLAIN_TABLE);
            st.execute("CREATE TABLE " + PLAIN_TABLE + " (LIKE audit_entry INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
            // Without the ledger: an identity for the id instead of the ledger's default, no check of the details.
            st.execute("ALTER TABLE " + PLAIN_TABLE + " ALTER COLUMN id DROP DEFAULT");
            st.execute("ALTER TABLE " + PLAIN_TABLE + " DROP CONSTRAINT IF EXISTS audit_entry_details_as_written");
            st.execute("ALTER TABLE " + PLAIN_TABLE + " ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY");
            List<String> indexes = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT indexname, indexdef FROM pg_indexes"
                    + " WHERE schemaname = current_schema() AND tablename = 'audit_entry' ORDER BY indexname")) {
                while (rs.next()) {
                    indexes.add(rs.getString(2).replaceFirst(" INDEX \\S+ ON (ONLY )?\\S+ ",
                            " INDEX plain_" + rs.getString(1) + " ON " + PLAIN_TABLE + " "));
                }
            }
            for (String index : indexes) {
                st.execute(index);
            }
            // As many rows as the trail's current month holds, so both tables' indexes are alike in depth.
            st.execute("INSERT INTO " + PLAIN_TABLE + " OVERRIDING SYSTEM VALUE SELECT * FROM audit_entry"
                    + " WHERE occurred_at >= date_trunc('month', now())");
            st.execute("SELECT setval(pg_get_serial_sequence('" + PLAIN_TABLE + "', 'id'), (SELECT max(id) FROM audit_entry))");
            st.execute("VACUUM (ANALYZE) " + PLAIN_TABLE);
            st.execute("GRANT SELECT, INSERT ON " + PLAIN_TABLE + " TO " + app);
            st.execute("GRANT USAGE ON SEQUENCE " + PLAIN_TABLE + "_id_seq TO " + app);
        }
    }

    private void auditedAppend(int writer, long n) {
        // The console's own recording path: a module's fact, turned into an entry in the publisher's transaction.
        console.context.publishEvent(new AccountViewed(account(writer, n), true));
    }

    private void plainInsert(int writer, long n) {
        TransactionTemplate transaction = new TransactionTemplate(console.bean(PlatformTransactionManager.class));
        JdbcTemplate jdbc = new JdbcTemplate(console.bean(DataSource.class));
        transaction.executeWithoutResult(status -> jdbc.queryForObject("INSERT INTO " + PLAIN_TABLE
                        + " (occurred_at, actor, actor_role, client_address, action, account_id, outcome, details,"
                        + " details_text, correlation_id) VALUES (clock_timestamp(), ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)"
                        + " RETURNING id", Long.class, "agent1", "AGENT", null, "ACCOUNT_VIEW", account(writer, n),
                "SUCCESS", DETAILS, DETAILS, null));
    }

    private static String account(int writer, long n) {
        return String.format(Locale.ROOT, "2088%06d%06d", writer, n % 1_000_000);
    }

    interface Append {
        void append(int writer, long n);
    }

    /** Runs {@code writers} threads appending for {@code seconds}; answers how many appends committed. */
    private static long run(int writers, int seconds, Append append) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        AtomicLong done = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            futures.add(threads.submit(() -> {
                SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("agent1", null,
                        List.of(new SimpleGrantedAuthority("ROLE_AGENT"))));
                start.await();
                long n = 0;
                while (System.nanoTime() < deadline[0]) {
                    append.append(writer, n++);
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        deadline[0] = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        start.countDown();
        for (Future<?> future : futures) {
            future.get();
        }
        threads.shutdown();
        return done.get();
    }
}
