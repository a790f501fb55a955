package com.closureconsole.perf;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes the benchmark's figures as {@code benchmarks.json} and as the readable
 * {@code benchmarks.md}: the summary against the targets, the hand-written analysis (kept in
 * {@code perf/analysis.md}, with the reason of each missed target in {@code perf/notes.properties}),
 * then every measurement with its statements and PostgreSQL's plans.
 */
final class Report {

    static final String LOAD_COMMAND = "mvn -Pperf test-compile exec:exec@large-dataset";
    static final String BENCH_COMMAND = "mvn -Pperf test-compile exec:exec@benchmark";

    /** What a missed target without a reason in notes.properties says of itself. */
    private static final String NOT_ANALYSED = "not analysed in this run";

    private final Map<String, Object> dataset;
    private final List<Measurement> measurements;
    private final Map<String, Object> export;
    private final List<Map<String, Object>> uiMemory;
    private final Map<String, Object> machine;
    private final Instant started;
    private final Duration took;
    private final boolean quick;
    private final Properties notes = resourceProperties("/perf/notes.properties");
    private Map<String, Object> ledger = Map.of();

    Report(Map<String, Object> dataset, List<Measurement> measurements, Map<String, Object> export,
           List<Map<String, Object>> uiMemory, Map<String, Object> machine, Instant started, Duration took, boolean quick) {
        this.dataset = dataset;
        this.measurements = measurements;
        this.export = export;
        this.uiMemory = uiMemory;
        this.machine = machine;
        this.started = started;
        this.took = took;
        this.quick = quick;
    }

    /** The audit ledger's figures: appends beside plain inserts, and verification throughput. */
    void ledger(Map<String, Object> figures) {
        this.ledger = figures;
    }

    static Map<String, Object> machine(Connection jdbc) throws Exception {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpu", firstLine(Path.of("/proc/cpuinfo"), "model name"));
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memory", firstLine(Path.of("/proc/meminfo"), "MemTotal"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("jvmHeapMax", Runtime.getRuntime().maxMemory());
        try (Statement st = jdbc.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT version()")) {
                rs.next();
                machine.put("postgres", rs.getString(1));
            }
            Map<String, String> settings = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery("""
                    SELECT name, setting || coalesce(' ' || unit, '') FROM pg_settings
                     WHERE name IN ('shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'jit',
                                    'max_parallel_workers_per_gather', 'synchronous_commit', 'lc_ctype')
                     ORDER BY name""")) {
                while (rs.next()) {
                    settings.put(rs.getString(1), rs.getString(2));
                }
            }
            machine.put("postgresSettings", settings);
            Map<String, String> sizes = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery("""
                    SELECT c.relname, pg_size_pretty(pg_total_relation_size(c.oid)) FROM pg_class c
                     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'i')
                       AND (c.relkind = 'r' OR c.relname LIKE 'account_name%')
                       AND pg_total_relation_size(c.oid) > 10 * 1024 * 1024
                     ORDER BY pg_total_relation_size(c.oid) DESC""")) {
                while (rs.next()) {
                    sizes.put(rs.getString(1), rs.getString(2));
                }
            }
            machine.put("relationSizes", sizes);
        }
        return machine;
    }

    void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("startedAt", started.truncatedTo(ChronoUnit.SECONDS).toString());
        json.put("durationSeconds", took.toSeconds());
        json.put("quick", quick);
        json.put("commands", Map.of("load", LOAD_COMMAND, "benchmark", BENCH_COMMAND));
        json.put("machine", machine);
        json.put("dataset", dataset);
        json.put("measurements", measurements.stream().map(Measurement::toMap).toList());
        json.put("export", export);
        json.put("uiMemory", uiMemory);
        json.put("ledger", ledger);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(folder.resolve("benchmarks.json").toFile(), json);
        // The sections other benchmarks wrote stay, after this report's own.
        Path markdown = folder.resolve("benchmarks.md");
        String kept = MarkdownSections.existing(markdown, LoadReport.START, LoadReport.END)
                + MarkdownSections.existing(markdown, JarStart.START, JarStart.END);
        Files.writeString(markdown, markdown() + (kept.isEmpty() ? "" : "\n" + kept), StandardCharsets.UTF_8);
    }

    String summaryTable() {
        StringBuilder md = new StringBuilder();
        md.append("| measure | target (p95) | console median / p95 ms | same SQL over JDBC median / p95 ms | console overhead | target |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (Measurement m : measurements) {
            md.append("| ").append(m.label)
                    .append(" | ").append(Double.isNaN(m.targetP95Ms) ? "—" : "≤ " + ms(m.targetP95Ms))
                    .append(" | ").append(m.console == null ? "not merged yet" : ms(m.console.median()) + " / " + ms(m.console.p95()))
                    .append(" | ").append(ms(m.jdbc.median())).append(" / ").append(ms(m.jdbc.p95()))
                    .append(" | ").append(overhead(m))
                    .append(" | ").append(verdict(m)).append(" |\n");
        }
        if (!export.isEmpty()) {
            long rowsPerSecond = ((Number) export.get("rowsPerSecond")).longValue();
            long growth = ((Number) export.get("heapGrowthMaxAfterGcBytes")).longValue();
            boolean met = rowsPerSecond >= ConsoleBenchmark.EXPORT_ROWS_PER_SECOND && growth < ConsoleBenchmark.EXPORT_HEAP_BYTES;
            md.append(String.format(Locale.ROOT, "| audit CSV export, %,d rows (AuditExport) | ≥ 50,000 rows/s, heap growth < 64 MB "
                            + "| — | %,d rows/s, heap growth %.1f MB | — | %s |\n",
                    ((Number) export.get("rows")).longValue(), rowsPerSecond, growth / 1048576.0,
                    met ? "met" : "**missed**" + note("export")));
        }
        ledgerRows(md);
        for (Map<String, Object> ui : uiMemory) {
            long bytes = ((Number) ui.get("bytesPerUi")).longValue();
            boolean production = String.valueOf(ui.get("mode")).startsWith("production");
            boolean met = bytes <= ConsoleBenchmark.UI_BYTES;
            md.append(String.format(Locale.ROOT, "| heap per agent UI: %s, %s (%d sessions) | %s | %.0f KB live "
                            + "(heap used: %.0f KB) | — | — | %s |\n",
                    ui.get("view"), ui.get("mode"), ((Number) ui.get("sessions")).intValue(),
                    production ? "≤ " + ConsoleBenchmark.UI_BYTES / 1024 + " KB" : "— (development mode)", bytes / 1024.0,
                    ((Number) ui.get("heapUsedPerUiBytes")).longValue() / 1024.0,
                    !production ? "—" : met ? "met" : "**missed**" + note(String.valueOf(ui.get("id")))));
        }
        return md.toString();
    }

    private String markdown() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Closure Console at scale: benchmark figures\n\n");
        md.append("Written by the benchmark itself (`ConsoleBenchmark`) on ")
                .append(started.truncatedTo(ChronoUnit.SECONDS)).append(" in ").append(took.toMinutes())
                .append(" min").append(quick ? " — **quick run (a tenth of the rounds): figures are indicative only**" : "")
                .append(". The figures and plans below are regenerated by every run; the analysis comes from "
                        + "`src/perf/resources/perf/analysis.md` and the reason beside a missed target from "
                        + "`src/perf/resources/perf/notes.properties`. Machine-readable: `docs/benchmarks.json`.\n\n");
        md.append("## Commands\n\n```bash\n").append(LOAD_COMMAND)
                .append("   # 1,000,000 accounts + 10,000,000 audit entries into .data/perf-postgres\n")
                .append(BENCH_COMMAND).append("       # these figures: docs/benchmarks.md and docs/benchmarks.json\n```\n\n");
        md.append("## Machine\n\n");
        machine.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
        md.append("\n## Dataset\n\n");
        md.append("- created: ").append(dataset.get("createdAt")).append(", loaded in ").append(dataset.get("totalSeconds"))
                .append(" s, database size ").append(dataset.get("databaseSize")).append('\n');
        md.append("- rows: ").append(dataset.get("rows")).append('\n');
        md.append("- accounts blocked by at least one condition: ").append(dataset.get("blockedAccounts")).append('\n');
        md.append("- accounts with 10,000+ transactions: ").append(dataset.get("heavyAccounts")).append('\n');
        md.append("- audit trail: ").append(dataset.get("auditLedger")).append(", ")
                .append(dataset.get("auditPartitions")).append(" monthly partitions, ").append(dataset.get("auditBlocks"))
                .append(" blocks sealed in ").append(dataset.get("sealSeconds")).append(" s; verified at load: ")
                .append(dataset.get("ledgerVerification")).append("\n\n");
        md.append("## Summary against the targets\n\n");
        md.append("Times are per call at the service boundary the views call (signed in as an agent), beside the same "
                + "statements sent over plain JDBC on one connection (writes and settings included, a call that writes in one "
                + "transaction that commits). The console's overhead target: its p95 at most "
                + "1 ms above, or 2× (whichever is larger), the JDBC p95.\n\n");
        md.append(summaryTable()).append('\n');
        md.append(resourceText("/perf/analysis.md")).append("\n\n");
        md.append("## Every measurement, its statements and plans\n\n");
        for (Measurement m : measurements) {
            md.append("### ").append(m.label).append("\n\n");
            md.append("- id: `").append(m.id).append("`\n");
            m.facts.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
            if (m.console != null) {
                md.append("- console: ").append(m.console.summary()).append('\n');
            }
            md.append("- JDBC: ").append(m.jdbc.summary()).append('\n');
            for (String plan : m.plans) {
                md.append("\n<details><summary>plan</summary>\n\n```\n").append(plan.strip()).append("\n```\n</details>\n");
            }
            md.append('\n');
        }
        md.append("## Audit export\n\n");
        export.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
        md.append("\n## Audit ledger: appends and verification\n\n");
        ledger.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
        md.append("\n## Heap per signed-in agent UI\n\n");
        for (Map<String, Object> ui : uiMemory) {
            md.append("- ").append(ui).append('\n');
        }
        return md.toString();
    }

    @SuppressWarnings("unchecked")
    private void ledgerRows(StringBuilder md) {
        if (ledger.get("appends") instanceof Map<?, ?> appends) {
            for (Map<String, Object> level : (List<Map<String, Object>>) appends.get("levels")) {
                boolean met = Boolean.TRUE.equals(level.get("met"));
                md.append(String.format(Locale.ROOT, "| audited appends, %d concurrent writers (synchronous_commit %s), "
                                + "beside plain inserts | ≥ 0.8× plain | — | audited %,d/s, plain %,d/s: %.2f× | — | %s |\n",
                        ((Number) level.get("writers")).intValue(), appends.get("synchronousCommit"),
                        ((Number) level.get("auditedPerSecond")).longValue(), ((Number) level.get("plainPerSecond")).longValue(),
                        ((Number) level.get("ratio")).doubleValue(),
                        met ? "met" : "**missed**" + note("ledger.appends." + level.get("writers"))));
            }
        }
        if (ledger.get("verification") instanceof Map<?, ?> verification) {
            boolean met = Boolean.TRUE.equals(verification.get("met"));
            md.append(String.format(Locale.ROOT, "| full ledger verification, %,d entries in %,d blocks (intact: %s) "
                            + "| ≥ 200,000 entries/s | — | %,d entries/s (%.1f s) | — | %s |\n",
                    ((Number) verification.get("entriesChecked")).longValue(),
                    ((Number) verification.get("blocksChecked")).longValue(), verification.get("intact"),
                    ((Number) verification.get("entriesPerSecond")).longValue(),
                    ((Number) verification.get("seconds")).doubleValue(),
                    met ? "met" : "**missed**" + note("ledger.verification")));
        }
    }

    private String overhead(Measurement m) {
        if (m.console == null || m.jdbc.count() == 0) {
            return "—";
        }
        return String.format(Locale.ROOT, "%+.2f ms (allowed p95 ≤ %s) %s", m.console.p95() - m.jdbc.p95(),
                ms(m.overheadAllowanceMs()), Boolean.TRUE.equals(m.overheadMet()) ? "met"
                        : "**missed**" + noteOr(m.id + ".overhead", String.format(Locale.ROOT,
                        "the console's median is %s ms above the replay's (%s against %s ms); " + NOT_ANALYSED,
                        ms(m.console.median() - m.jdbc.median()), ms(m.console.median()), ms(m.jdbc.median()))));
    }

    private String verdict(Measurement m) {
        if (Double.isNaN(m.targetP95Ms)) {
            return "—";
        }
        if (m.targetMet()) {
            return "met";
        }
        String unexplained = NOT_ANALYSED;
        if (m.console != null && m.jdbc.count() > 0) {
            unexplained = m.jdbc.p95() > m.targetP95Ms
                    ? String.format(Locale.ROOT, "the same statement over plain JDBC misses it as well (p95 %s ms), so "
                    + "this is the database's own time on this run's machine%s", ms(m.jdbc.p95()),
                    Boolean.TRUE.equals(m.overheadMet()) ? "; the console's overhead is within its allowance" : "")
                    : String.format(Locale.ROOT, "the same statement over plain JDBC meets it (p95 %s ms), so the "
                    + "console's own time misses it; " + NOT_ANALYSED, ms(m.jdbc.p95()));
        }
        return "**missed**" + noteOr(m.id, unexplained);
    }

    private String note(String id) {
        return noteOr(id, NOT_ANALYSED);
    }

    /** The reason notes.properties gives for this missed target, else what the figures alone say. */
    private String noteOr(String id, String otherwise) {
        String reason = notes.getProperty(id);
        return ": " + (reason == null ? otherwise : reason);
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String firstLine(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String resourceText(String name) throws IOException {
        try (InputStream in = Report.class.getResourceAsStream(name)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private static Properties resourceProperties(String name) {
        Properties properties = new Properties();
        try (InputStream in = Report.class.getResourceAsStream(name)) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties;
    }
}
