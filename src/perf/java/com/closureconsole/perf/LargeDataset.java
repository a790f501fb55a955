package com.closureconsole.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Fills the console's embedded PostgreSQL (in {@code .data/perf-postgres}) with a large, realistic
 * dataset: by default 1,000,000 accounts (about half blocked by at least one of the ten closure
 * conditions, five with 10,000 to 50,000 transactions) and 10,000,000 audit entries over two years,
 * in the trail's monthly partitions and sealed into the signed blocks of the audit ledger.
 *
 * <p>Everything is set-based SQL ({@code INSERT … SELECT … FROM generate_series}, the scripts in
 * {@code perf/dataset}), run by two sessions at once, one per core: one writes the audit trail
 * (ids in order, so one writer), the other the accounts in ranges, then both build the
 * indexes, which are dropped before loading and created again from their own definitions
 * afterwards, and {@code VACUUM (ANALYZE)} every table so the benchmark meets settled statistics
 * and a complete visibility map. Loading runs as the superuser with
 * {@code session_replication_role = replica}, which skips the triggers (the append-only guard of
 * the audit trail and the foreign-key checks) for rows that are consistent by construction.
 * The audit entries are written as the console's appends leave them, for the
 * sealer; the load then starts the console again with its sealer running and waits until every
 * entry is sealed into signed blocks with their digests stored outside the database (the folder
 * {@link PerfConsole#auditDirectory()}), exactly as the console seals its own appends, and checks
 * the whole ledger with the console's verification.
 *
 * <p>The data folder is made afresh on every run; a folder that this class did not make is left
 * alone. Run with {@code mvn -Pperf test-compile exec:exec@large-dataset}.
 */
public final class LargeDataset {

    /** Tables the load fills; their indexes are rebuilt after loading. */
    static final List<String> ACCOUNT_TABLES = List.of("account", "wallet", "wallet_transaction", "withholding_agreement",
            "special_arrangement", "security_operation", "trade_dispute", "account_restriction", "merchant_contract",
            "account_name_piece");
    static final String AUDIT_TABLE = "audit_entry";
    static final int HEAVY_ACCOUNTS = 5;
    private static final long ACCOUNT_CHUNK = 100_000;
    private static final long AUDIT_CHUNK = 500_000;
    private static final Duration AUDIT_SPAN = Duration.ofDays(730);

    private final String jdbcUrl;
    private final long accounts;
    private final long auditEntries;
    private final int heavy;
    private final Instant anchor;
    private final Progress progress = new Progress();
    private final Map<String, Object> summary = new LinkedHashMap<>();

    LargeDataset(String jdbcUrl, long accounts, long auditEntries) {
        this(jdbcUrl, accounts, auditEntries, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private LargeDataset(String jdbcUrl, long accounts, long auditEntries, Instant anchor) {
        this.anchor = anchor;
        this.jdbcUrl = jdbcUrl;
        this.accounts = accounts;
        this.auditEntries = auditEntries;
        this.heavy = (int) Math.min(HEAVY_ACCOUNTS, accounts);
    }

    public static void main(String[] args) throws Exception {
        long accounts = Long.getLong("perf.accounts", 1_000_000);
        long auditEntries = Long.getLong("perf.audit-entries", 10_000_000);
        Path folder = PerfConsole.dataDirectory();
        Path marker = marker(folder);
        if (Boolean.getBoolean("perf.resume")) {
            resume(marker, accounts, auditEntries);
            return;
        }
        startAfresh(folder, marker);
        Instant started = Instant.now();
        System.out.printf("Large dataset: %,d accounts and %,d audit entries into %s%n", accounts, auditEntries, folder);
        Map<String, Object> summary;
        LargeDataset dataset;
        // The sealer waits while the tables are loaded (their indexes are dropped meanwhile).
        try (PerfConsole console = PerfConsole.start(context -> { }, Map.of("closure.audit.seal-interval", "3650d"))) {
            System.out.printf("[%5.1fs] console started: schema migrated, demo data loaded%n", seconds(started));
            dataset = new LargeDataset(console.superuserJdbcUrl(), accounts, auditEntries);
            summary = dataset.load(started);
        }
        try (PerfConsole console = PerfConsole.start(context -> { })) {
            dataset.sealAndVerify(console);
        }
        summary.put("totalSeconds", Math.round(seconds(started) * 10) / 10.0);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(marker.toFile(), summary);
        System.out.printf("[%5.1fs] done; summary in %s%n", seconds(started), marker);
        System.exit(0);
    }

    /**
     * Finishes a load that stopped after its tables were filled (the data folder holds the load and
     * no marker yet): lets the sealer seal what is queued, verifies and describes the dataset, and
     * writes the marker. The load's time is taken as its newest audit entry's.
     */
    private static void resume(Path marker, long accounts, long auditEntries) throws Exception {
        Instant started = Instant.now();
        if (Files.exists(marker)) {
            // A complete load whose trail indexes were made on the parent only: make them on every partition.
            try (PerfConsole console = PerfConsole.start(context -> { });
                 Connection admin = DriverManager.getConnection(console.superuserJdbcUrl()); Statement st = admin.createStatement()) {
                st.execute("SET maintenance_work_mem = '1GB'");
                for (String[] index : TRAIL_INDEXES) {
                    st.execute("DROP INDEX IF EXISTS " + index[0]);
                    st.execute("CREATE INDEX " + index[0] + " ON audit_entry " + index[1]);
                    System.out.printf("[%5.1fs] index %s made on every partition%n", seconds(started), index[0]);
                }
                st.execute("ANALYZE audit_entry");
            }
            System.exit(0);
        }
        try (PerfConsole console = PerfConsole.start(context -> { })) {
            LargeDataset dataset;
            try (Connection admin = DriverManager.getConnection(console.superuserJdbcUrl()); Statement st = admin.createStatement()) {
                Instant newest;
                try (ResultSet rs = st.executeQuery("SELECT max(occurred_at) FROM audit_entry")) {
                    rs.next();
                    newest = rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
                }
                dataset = new LargeDataset(console.superuserJdbcUrl(), accounts, auditEntries,
                        newest.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
                dataset.progress.started = started;
                dataset.describe(st);
            }
            dataset.sealAndVerify(console);
            dataset.summary.put("resumed", true);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(marker.toFile(), dataset.summary);
            System.out.printf("[%5.1fs] resumed load done; summary in %s%n", seconds(started), marker);
        }
        System.exit(0);
    }

    /** The trail's indexes as V090 makes them (name, definition), but the primary key. */
    private static final String[][] TRAIL_INDEXES = {
            {"audit_entry_actor_month", "(actor, occurred_at DESC, id DESC)"},
            {"audit_entry_account_month", "(account_id, occurred_at DESC, id DESC) WHERE account_id IS NOT NULL"},
            {"audit_entry_action_month", "(action, occurred_at DESC, id DESC)"},
            {"audit_entry_outcome_month", "(outcome, occurred_at DESC, id DESC)"},
            {"audit_entry_correlation_month", "(correlation_id) WHERE correlation_id IS NOT NULL"}};

    /** The file beside the data folder that says a load made it (and how). */
    static Path marker(Path folder) {
        return folder.resolveSibling(folder.getFileName() + ".dataset.json");
    }

    private static void startAfresh(Path folder, Path marker) throws IOException {
        boolean empty = !Files.exists(folder);
        if (!empty) {
            try (Stream<Path> entries = Files.list(folder)) {
                empty = entries.findAny().isEmpty();
            }
        }
        if (!empty && !Files.exists(marker)) {
            throw new IllegalStateException(folder + " holds data that this generator did not make; choose another "
                    + "folder with -Dperf.data-directory=… or delete it yourself");
        }
        Path audit = PerfConsole.auditDirectory();
        if (Files.exists(audit)) {
            if (empty && !Files.exists(marker)) {
                throw new IllegalStateException(audit + " holds a ledger key and digests that this generator did not "
                        + "make; delete it yourself");
            }
            deleteTree(audit);
        }
        if (!empty) {
            System.out.println("Deleting the previous large dataset in " + folder);
            deleteTree(folder);
        }
        Files.deleteIfExists(marker);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    Map<String, Object> load(Instant started) throws Exception {
        progress.started = started;
        List<IndexDefinition> indexes;
        try (Connection admin = connect()) {
            try (Statement st = admin.createStatement()) {
                requireEmpty(st);
                // Fewer checkpoints while loading; reset at the end, so the benchmark runs on the defaults.
                st.execute("ALTER SYSTEM SET max_wal_size = '16GB'");
                st.execute("ALTER SYSTEM SET checkpoint_timeout = '30min'");
                st.execute("SELECT pg_reload_conf()");
                st.execute(SqlScript.load("/perf/dataset/01-helpers.sql").text());
                st.execute(SqlScript.load("/perf/dataset/04-audit-helpers.sql").text());
                // The months of the history, in the trail's own monthly partitions (V090).
                long months = AUDIT_SPAN.toDays() / 28 + 2;
                try (ResultSet rs = st.executeQuery("SELECT audit_entry_add_months('" + anchor.minus(AUDIT_SPAN)
                        + "'::timestamptz, " + months + ")")) {
                    rs.next();
                    progress.log("%d monthly partitions of the audit trail created", rs.getInt(1));
                }
                indexes = IndexDefinition.dropAll(st, allTables());
                for (String table : vacuumedTables(st)) {
                    st.execute("ALTER TABLE " + table + " SET (autovacuum_enabled = false)");
                }
            }
        }
        progress.log("helpers created; %d indexes dropped until the data is in", indexes.size());

        TaskGraph graph = new TaskGraph(progress);
        List<String> accountLoads = new ArrayList<>();
        String auditLoad = graph.add("audit trail", List.of(), this::loadAudit);
        SqlScript accountScript = SqlScript.load("/perf/dataset/02-accounts.sql");
        SqlScript piecesScript = SqlScript.load("/perf/dataset/07-name-pieces.sql");
        for (long from = 1; from <= accounts; from += ACCOUNT_CHUNK) {
            long to = Math.min(accounts, from + ACCOUNT_CHUNK - 1);
            Map<String, Object> range = values(Map.of("from", from, "to", to));
            String chunk = String.format(Locale.ROOT, "accounts %,d-%,d", from, to);
            accountLoads.add(graph.add(chunk, List.of(), c -> execute(c, accountScript.with(range))));
            accountLoads.add(graph.add("name pieces of " + chunk, List.of(chunk),
                    c -> execute(c, piecesScript.with(range))));
        }
        accountLoads.add(graph.add("heavy accounts' transactions", List.of(),
                c -> execute(c, SqlScript.load("/perf/dataset/03-heavy-accounts.sql").with(values(Map.of())))));

        // Account tables first (their loads end long before the audit trail's), then the audit trail's.
        List<String> accountIndexes = new ArrayList<>();
        List<String> auditIndexes = new ArrayList<>();
        for (IndexDefinition index : indexes) {
            boolean audit = index.table().equals(AUDIT_TABLE);
            String task = graph.add("index " + index.name(), audit ? List.of(auditLoad) : accountLoads,
                    c -> execute(c, index.create()));
            (audit ? auditIndexes : accountIndexes).add(task);
        }
        for (String table : ACCOUNT_TABLES) {
            graph.add("vacuum analyze " + table, concat(accountLoads, accountIndexes),
                    c -> execute(c, "VACUUM (ANALYZE) " + table));
        }
        graph.add("vacuum analyze " + AUDIT_TABLE, concat(List.of(auditLoad), auditIndexes),
                c -> execute(c, "VACUUM (ANALYZE) " + AUDIT_TABLE));
        graph.run(2, this::connectForLoading);

        try (Connection admin = connectForLoading(); Statement st = admin.createStatement()) {
            finish(st);
            describe(st);
        }
        return summary;
    }

    /**
     * Waits until the console's sealer has sealed every loaded entry and stored the digests, then
     * verifies the whole ledger as the console's Verify does.
     */
    void sealAndVerify(PerfConsole console) throws Exception {
        Instant sealing = Instant.now();
        // The console started again, on another port.
        try (Connection admin = DriverManager.getConnection(console.superuserJdbcUrl()); Statement st = admin.createStatement()) {
            long left;
            while ((left = longValue(st, "SELECT count(*) FROM audit_unsealed")
                    + longValue(st, "SELECT count(*) FROM audit_digest_pending")) > 0) {
                progress.log("sealing: %,d entries and digests to go", left);
                Thread.sleep(5_000);
            }
            long blocks = longValue(st, "SELECT count(*) FROM audit_block");
            double sealSeconds = seconds(sealing);
            progress.log("sealed %,d entries into %,d blocks in %.0f s", auditEntries, blocks, sealSeconds);
            summary.put("auditBlocks", blocks);
            summary.put("sealSeconds", Math.round(sealSeconds));
            st.execute("VACUUM (ANALYZE) audit_entry_seal, audit_block");
        }
        Map<String, Object> verified = PerfLedger.verifyAll(console);
        progress.log("ledger verification: %s", verified);
        if (!Boolean.TRUE.equals(verified.get("intact"))) {
            throw new IllegalStateException("the loaded ledger does not verify: " + verified);
        }
        summary.put("ledgerVerification", verified);
    }

    /** The tables whose autovacuum is off while loading: the account tables and the trail's partitions. */
    private static List<String> vacuumedTables(Statement st) throws SQLException {
        List<String> tables = new ArrayList<>(ACCOUNT_TABLES);
        try (ResultSet rs = st.executeQuery("SELECT inhrelid::regclass::text FROM pg_inherits"
                + " WHERE inhparent = 'audit_entry'::regclass ORDER BY 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private void loadAudit(Connection connection) throws SQLException {
        if (auditEntries == 0) {
            return;
        }
        SqlScript script = SqlScript.load("/perf/dataset/05-audit.sql");
        long stepMicros = AUDIT_SPAN.toNanos() / 1000 / auditEntries;
        Instant start = anchor.minus(AUDIT_SPAN);
        for (long from = 1; from <= auditEntries; from += AUDIT_CHUNK) {
            long to = Math.min(auditEntries, from + AUDIT_CHUNK - 1);
            Map<String, Object> values = new LinkedHashMap<>(values(Map.of("from", from, "to", to)));
            values.put("start", SqlScript.literal(start.toString()));
            values.put("stepMicros", stepMicros);
            execute(connection, script.with(values));
            progress.log("audit entries %,d of %,d (%d %%)", to, auditEntries, to * 100 / auditEntries);
        }
    }

    private Map<String, Object> values(Map<String, Object> more) {
        Map<String, Object> values = new LinkedHashMap<>(more);
        values.put("anchor", SqlScript.literal(anchor.toString()));
        values.put("heavy", heavy);
        values.put("accounts", accounts);
        return values;
    }

    private void finish(Statement st) throws SQLException {
        st.execute("SELECT setval('audit_entry_id_seq', greatest(1, (SELECT max(id) FROM audit_entry)))");
        st.execute("DROP SCHEMA perf_load CASCADE");
        for (String table : vacuumedTables(st)) {
            st.execute("ALTER TABLE " + table + " RESET (autovacuum_enabled)");
        }
        st.execute("ALTER SYSTEM RESET max_wal_size");
        st.execute("ALTER SYSTEM RESET checkpoint_timeout");
        st.execute("SELECT pg_reload_conf()");
        st.execute("CHECKPOINT");
        progress.log("settings restored, checkpoint written");
    }

    /** What was loaded, printed and kept beside the data folder. */
    private void describe(Statement st) throws SQLException {
        summary.put("createdAt", anchor.toString());
        summary.put("dataDirectory", PerfConsole.dataDirectory().toString());
        summary.put("generatedAccounts", accounts);
        summary.put("generatedAuditEntries", auditEntries);
        Map<String, Object> rows = new LinkedHashMap<>();
        for (String table : allTables()) {
            rows.put(table, longValue(st, "SELECT count(*) FROM " + table));
        }
        summary.put("rows", rows);
        summary.put("databaseSize", stringValue(st, "SELECT pg_size_pretty(pg_database_size(current_database()))"));
        summary.put("heavyAccounts", query(st, """
                SELECT account_id, count(*) AS transactions FROM wallet_transaction
                 GROUP BY account_id HAVING count(*) >= 10000 ORDER BY 2 DESC"""));
        summary.put("blockedAccounts", query(st, SqlScript.load("/perf/dataset/06-blocked-share.sql").text()).get(0));
        summary.put("auditPartitions", longValue(st, "SELECT count(*) FROM pg_inherits WHERE inhparent = 'audit_entry'::regclass"));
        summary.put("auditLedger", "entries in the ledger's format (V050/V090), queued and sealed by the console's sealer");
        progress.log("rows: %s", rows);
        progress.log("blocked: %s", summary.get("blockedAccounts"));
        progress.log("heavy accounts: %s", summary.get("heavyAccounts"));
        progress.log("database size: %s", summary.get("databaseSize"));
    }

    private void requireEmpty(Statement st) throws SQLException {
        long generated = longValue(st, "SELECT count(*) FROM account WHERE id LIKE '20881%'");
        long audit = longValue(st, "SELECT count(*) FROM audit_entry");
        if (generated > 0 || audit > 0) {
            throw new IllegalStateException("the database already holds " + generated + " generated accounts and "
                    + audit + " audit entries");
        }
        String folder = stringValue(st, "SHOW data_directory");
        if (!Path.of(folder).toAbsolutePath().normalize().equals(PerfConsole.dataDirectory())) {
            throw new IllegalStateException("the console runs on " + folder + ", not on " + PerfConsole.dataDirectory());
        }
    }

    private static List<String> allTables() {
        return concat(ACCOUNT_TABLES, List.of(AUDIT_TABLE));
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }

    private Connection connectForLoading() throws SQLException {
        Connection connection = connect();
        try (Statement st = connection.createStatement()) {
            st.execute("SET session_replication_role = replica");
            st.execute("SET synchronous_commit = off");
            st.execute("SET work_mem = '512MB'");
            st.execute("SET maintenance_work_mem = '1GB'");
            // Two sessions already keep both cores busy.
            st.execute("SET max_parallel_maintenance_workers = 0");
            st.execute("SET max_parallel_workers_per_gather = 0");
        }
        return connection;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    private static long longValue(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String stringValue(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<Map<String, Object>> query(Statement st, String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    /** Prints what happens, with the seconds since the start. */
    static final class Progress {
        Instant started = Instant.now();

        synchronized void log(String format, Object... args) {
            System.out.printf("[%5.1fs] %s%n", seconds(started), String.format(Locale.ROOT, format, args));
        }
    }
}
