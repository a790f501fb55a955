package com.closureconsole.perf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load benchmark's verdicts and its section of {@code docs/benchmarks.md}: per concurrency, the
 * console's figures per action beside the JDBC replay's, the targets met or missed, and which
 * resource saturated first, with the evidence sampled during the run.
 */
final class LoadReport {

    static final String START = "<!-- load benchmark: start (written by LoadBenchmark) -->";
    static final String END = "<!-- load benchmark: end -->";

    private LoadReport() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> verdict(Map<String, Object> level) {
        int agents = (Integer) level.get("agents");
        Map<String, Object> console = (Map<String, Object>) level.get("console");
        Map<String, Object> jdbc = (Map<String, Object>) level.get("jdbc");
        Map<String, Map<String, Object>> actions = (Map<String, Map<String, Object>>) console.get("actions");
        double share = number(console.get("loopsPerSecond")) / Math.max(1e-9, number(jdbc.get("loopsPerSecond")));
        long errors = actions.values().stream().mapToLong(a -> ((Number) a.get("errors")).longValue()).sum();
        double worstP95 = actions.values().stream().filter(a -> ((Number) a.get("samples")).longValue() > 0)
                .mapToDouble(a -> number(a.get("p95Ms"))).max().orElse(Double.NaN);
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("consoleShareOfReplay", Latencies.round(share));
        verdict.put("errors", errors);
        verdict.put("worstP95Ms", Latencies.round(worstP95));
        List<String> missed = new ArrayList<>();
        if (agents == 64) {
            if (worstP95 > LoadBenchmark.P95_AT_64_MS) {
                missed.add(latencyMiss(actions, jdbc, LoadBenchmark.P95_AT_64_MS));
            }
            if (share < LoadBenchmark.SHARE_AT_64) {
                missed.add("throughput " + Latencies.round(share) + "x of the replay < " + LoadBenchmark.SHARE_AT_64 + "x");
            }
        }
        if (agents == 256 && worstP95 > LoadBenchmark.P95_AT_256_MS) {
            missed.add(latencyMiss(actions, jdbc, LoadBenchmark.P95_AT_256_MS));
        }
        if (errors > 0) {
            missed.add(errors + " errors");
        }
        verdict.put("target", agents == 64 ? "p95 <= 20 ms, no errors, >= 0.7x the replay"
                : agents == 256 ? "p95 <= 100 ms, no errors" : "no errors (no latency target)");
        verdict.put("met", missed.isEmpty());
        verdict.put("missed", missed);
        verdict.put("saturates", saturation(console));
        return verdict;
    }

    /**
     * A missed p95 target with its reason: which actions miss it, and whether the replay of their statements at the
     * same concurrency misses it too (then the time is the database's and the machine's, not the console's).
     */
    @SuppressWarnings("unchecked")
    static String latencyMiss(Map<String, Map<String, Object>> consoleActions, Map<String, Object> jdbc, double targetMs) {
        Map<String, Map<String, Object>> replayActions = (Map<String, Map<String, Object>>) jdbc.get("actions");
        List<String> over = new ArrayList<>();
        List<String> replayOver = new ArrayList<>();
        consoleActions.forEach((action, figures) -> {
            if (((Number) figures.get("samples")).longValue() > 0 && number(figures.get("p95Ms")) > targetMs) {
                Map<String, Object> replayed = replayActions.get(action);
                double replayP95 = replayed == null ? Double.NaN : number(replayed.get("p95Ms"));
                over.add(String.format(Locale.ROOT, "%s %.0f ms (replay %.0f ms)", action, number(figures.get("p95Ms")), replayP95));
                if (replayP95 > targetMs) {
                    replayOver.add(action);
                }
            }
        });
        String reason = replayOver.isEmpty()
                ? "the replay meets it: the time is the console's own"
                : replayOver.size() == over.size()
                        ? "the replay of the same statements misses it too: the time is queueing for the database on this machine"
                        : "the replay misses it too for " + String.join(", ", replayOver) + "; the rest is the console's own";
        return String.format(Locale.ROOT, "p95 > %.0f ms: %s; %s", targetMs, String.join(", ", over), reason);
    }

    /** The first resource that runs out, from what was sampled: the CPU, the pool, or a database lock. */
    @SuppressWarnings("unchecked")
    static String saturation(Map<String, Object> figures) {
        double cpu = number(figures.get("machineCpu"));
        double awaiting = number(figures.get("poolThreadsAwaitingMean"));
        Map<String, Object> waits = (Map<String, Object>) figures.get("databaseWaits");
        double lockShare = waits.entrySet().stream().filter(e -> e.getKey().startsWith("Lock:"))
                .mapToDouble(e -> number(e.getValue())).sum();
        List<String> evidence = new ArrayList<>();
        evidence.add(String.format(Locale.ROOT, "machine CPU %.0f %%", cpu * 100));
        evidence.add(String.format(Locale.ROOT, "%.1f threads waiting for the pool on average", awaiting));
        evidence.add("database waits " + waits);
        String first;
        if (cpu >= 0.9) {
            first = "CPU";
        } else if (awaiting >= 1) {
            first = "the connection pool";
        } else if (lockShare >= 0.2) {
            first = "a database lock";
        } else {
            first = "nothing yet";
        }
        return first + " (" + String.join("; ", evidence) + ")";
    }

    @SuppressWarnings("unchecked")
    static String table(Map<String, Object> report) {
        StringBuilder out = new StringBuilder();
        out.append("| agents | action | console/s | p50 ms | p95 ms | p99 ms | errors | replay/s | replay p95 ms |\n");
        out.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map<String, Object> level : (List<Map<String, Object>>) report.get("levels")) {
            var console = (Map<String, Map<String, Object>>) ((Map<String, Object>) level.get("console")).get("actions");
            var jdbc = (Map<String, Map<String, Object>>) ((Map<String, Object>) level.get("jdbc")).get("actions");
            for (String action : LoadBenchmark.ACTIONS) {
                Map<String, Object> c = console.get(action);
                Map<String, Object> j = jdbc.get(action);
                out.append("| ").append(level.get("agents")).append(" | ").append(action)
                        .append(" | ").append(c.get("perSecond")).append(" | ").append(c.get("medianMs"))
                        .append(" | ").append(c.get("p95Ms")).append(" | ").append(c.get("p99Ms"))
                        .append(" | ").append(c.get("errors")).append(" | ").append(j.get("perSecond"))
                        .append(" | ").append(j.get("p95Ms")).append(" |\n");
            }
        }
        return out.toString();
    }

    /** The warm-up of each concurrency, {@code 10 / 25 / 40}, with a mark where the JIT had not settled. */
    @SuppressWarnings("unchecked")
    private static String warmUps(Map<String, Object> report) {
        List<String> parts = new java.util.ArrayList<>();
        for (Map<String, Object> level : (List<Map<String, Object>>) report.get("levels")) {
            Object warmUp = level.get("warmUp");
            if (warmUp instanceof Map<?, ?> w) {
                parts.add(w.get("seconds") + (Boolean.FALSE.equals(w.get("settled")) ? " (JIT still busy)" : ""));
            } else {
                parts.add(String.valueOf(report.get("warmUpSeconds")));
            }
        }
        return String.join(" / ", parts);
    }

    private static Object warmUpBound(Map<String, Object> report, String bound) {
        return report.get("warmUpSeconds") instanceof Map<?, ?> w ? w.get(bound) : report.get("warmUpSeconds");
    }

    @SuppressWarnings("unchecked")
    static String section(Map<String, Object> report) {
        StringBuilder md = new StringBuilder(START).append("\n## Many agents at once\n\n");
        md.append("`").append(report.get("command")).append("` (after the large dataset), ")
                .append(report.get("runSeconds")).append(" s per concurrency and side")
                .append(report.get("rounds") != null ? " in " + report.get("rounds") + " rounds, the console's and the replay's in turn," : "")
                .append(" after a warm-up of ").append(warmUps(report))
                .append(" s (at least ").append(warmUpBound(report, "min")).append(" s, then until the JIT compiled for less than ")
                .append(Math.round(LoadBenchmark.SETTLED_JIT_SHARE * 100)).append(" % of the last ")
                .append(LoadBenchmark.WARM_UP_SLICE.toSeconds()).append(" s, at most ").append(warmUpBound(report, "max")).append(" s); machine and dataset: `").append(report.get("machine")).append("`, `")
                .append(report.get("dataset")).append("`; the console's pool holds ").append(report.get("poolSize"))
                .append(" connections and the replay's pool as many. Each agent loops with no think time: search by phone, "
                        + "open the account (eligibility), preview a closure, and every tenth loop a whole submission of a "
                        + "closable account (identity step, acceptance, submission); one supervisor pages the audit trail. "
                        + "The replay sends the statements those calls sent, each action in a transaction that commits "
                        + "(a submission's rolls back). Machine-readable: `docs/benchmarks-load.json`.\n\n");
        md.append(table(report)).append('\n');
        md.append("| agents | console loops/s | replay loops/s | share | pool wait (mean acquire) | verdict | saturates first |\n");
        md.append("|---:|---:|---:|---:|---:|---|---|\n");
        for (Map<String, Object> level : (List<Map<String, Object>>) report.get("levels")) {
            var console = (Map<String, Object>) level.get("console");
            var jdbc = (Map<String, Object>) level.get("jdbc");
            var verdict = (Map<String, Object>) level.get("verdict");
            md.append("| ").append(level.get("agents")).append(" | ").append(console.get("loopsPerSecond"))
                    .append(" | ").append(jdbc.get("loopsPerSecond")).append(" | ").append(verdict.get("consoleShareOfReplay"))
                    .append("x | ").append(console.get("poolAcquireMeanMs")).append(" ms | ")
                    .append(Boolean.TRUE.equals(verdict.get("met")) ? "met (" + verdict.get("target") + ")"
                            : "**missed**: " + verdict.get("missed") + " (" + verdict.get("target") + ")")
                    .append(" | ").append(verdict.get("saturates")).append(" |\n");
        }
        md.append("\nHeap: peak used heap during each run ");
        for (Map<String, Object> level : (List<Map<String, Object>>) report.get("levels")) {
            var console = (Map<String, Object>) level.get("console");
            md.append(String.format(Locale.ROOT, "%s agents %s MB; ", level.get("agents"), console.get("heapUsedPeakMb")));
        }
        md.append("(service-level agents hold no Vaadin UI; the heap of an agent's UI is measured by the benchmark's "
                + "`ui` part).\n");
        if (report.get("browsers") instanceof Map<?, ?> browsers) {
            md.append("\n### Through HTTP and Vaadin's round trips\n\n").append(browsers.get("sessions"))
                    .append(" headless Chromium browsers, each signed in with a session of its own through the sign-in "
                            + "page, for ").append(browsers.get("seconds")).append(" s without think time: a search by "
                            + "name (typed, Enter, until the result rows show), then opening the first result (a click, "
                            + "until the verdict shows), then back; before them, one browser alone for as long. "
                            + "Vaadin in ").append(browsers.get("vaadinMode") == null ? "development" : browsers.get("vaadinMode"))
                    .append(" mode. Server: the time the console spent on the action's "
                            + "Vaadin requests (`v-r=uidl`, timed around them per session); browser: the whole wait, "
                            + "rendering and WebDriver included, with the browsers on the same two cores (so with many "
                            + "of them the server's time is mostly the browsers' use of the CPU). Errors: ")
                    .append(browsers.get("errors")).append(browsers.get("firstError") == null ? ""
                            : " (first: " + browsers.get("firstError") + ")");
            if (browsers.get("single") instanceof Map<?, ?> alone) {
                md.append(", with one browser alone ").append(alone.get("errors")).append(alone.get("firstError") == null
                        ? "" : " (first: " + alone.get("firstError") + ")");
            }
            md.append(".\n\n");
            md.append("| sessions | action | per second | server median / p95 ms | browser median / p95 ms |\n"
                    + "|---:|---|---:|---:|---:|\n");
            List<Map<?, ?>> runs = new ArrayList<>();
            if (browsers.get("single") instanceof Map<?, ?> single) {
                runs.add(single);
            }
            runs.add(browsers);
            for (Map<?, ?> run : runs) {
                for (String action : List.of("search", "open")) {
                    var one = (Map<String, Object>) run.get(action);
                    var server = (Map<String, Object>) one.get("server");
                    var browser = (Map<String, Object>) one.get("browser");
                    md.append("| ").append(run.get("sessions")).append(" | ").append(action).append(" | ")
                            .append(one.get("perSecond")).append(" | ")
                            .append(server.get("medianMs")).append(" / ").append(server.get("p95Ms")).append(" | ")
                            .append(browser.get("medianMs")).append(" / ").append(browser.get("p95Ms")).append(" |\n");
                }
            }
        }
        md.append(END).append('\n');
        return md.toString();
    }

    /** Replaces the load section of {@code benchmarks.md} (or appends it), leaving the rest as it is. */
    static void writeSection(Path markdown, Map<String, Object> report) throws IOException {
        MarkdownSections.replace(markdown, START, END, section(report));
    }

    private static double number(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }
}
