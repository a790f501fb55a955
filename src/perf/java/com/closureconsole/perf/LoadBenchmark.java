package com.closureconsole.perf;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import com.closureconsole.account.AccountSearch;
import com.closureconsole.audit.AuditCursor;
import com.closureconsole.audit.AuditEntry;
import com.closureconsole.audit.AuditFilter;
import com.closureconsole.audit.AuditTrail;
import com.closureconsole.closure.ClosureReason;
import com.closureconsole.closure.ClosureSubmission;
import com.closureconsole.closure.FlowSteps;
import com.closureconsole.closure.EligibilityReport;
import com.closureconsole.closure.EligibilityService;
import com.closureconsole.closure.SubmitClosure;
import com.closureconsole.closure.VerificationMethod;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Many agents at once: N simulated agents (16, 64 and 256 by default), each with a security
 * context of its own, run the agent's loop with no think time against the console's services on
 * the large dataset: search by phone, open the account (its eligibility), preview a closure, and
 * every tenth loop a whole submission of a closable account (the identity step, the customer's
 * acceptance, the submission, after the preview that tells the dialog which identity check to ask for); beside them one supervisor pages through the audit trail.
 *
 * <p>In the same run, for each N, the very statements those calls sent (captured once per input
 * by {@link StatementCapture}) are replayed over plain JDBC by N clients through a pool of the
 * console's size, each action in a transaction of its own that commits (a submission's rolls
 * back, as its capture did: its rows can be written only once), so the report gives the console's share of what
 * the database allows at that concurrency, and where the time goes: the pool's wait, the
 * server's wait events sampled from {@code pg_stat_activity}, the CPU and the heap. The console
 * and the replay take turns ({@link #ROUNDS} rounds each), so that drift in a shared machine's
 * speed does not fall on one side only.
 *
 * <p>Run with {@code mvn -Pperf test-compile exec:exec@load} after loading the large dataset;
 * {@code -Dperf.load.agents=16,64} and {@code -Dperf.load.seconds=20} shorten it. It writes
 * {@code docs/benchmarks-load.json} and the load section of {@code docs/benchmarks.md}.
 * Submissions change the dataset: every run closes a few thousand of its closable accounts.
 */
public final class LoadBenchmark {

    static final List<Integer> AGENTS = Arrays.stream(System.getProperty("perf.load.agents", "16,64,256").split(","))
            .map(String::strip).filter(s -> !s.isEmpty()).map(Integer::valueOf).filter(n -> n > 0).toList();
    /** Headless browsers for the run through the real stack (0: none). */
    static final int BROWSERS = Integer.getInteger("perf.load.browsers", 16);
    static final Duration RUN = Duration.ofSeconds(Long.getLong("perf.load.seconds", 30));
    /** The shortest warm-up at each concurrency; it goes on while the JIT is still busy ({@link #warmUp}). */
    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("perf.load.warm-up-seconds", 10));
    static final Duration MAX_WARM_UP = Duration.ofSeconds(Long.getLong("perf.load.max-warm-up-seconds", 90));
    static final Duration WARM_UP_SLICE = Duration.ofSeconds(5);
    /** The JIT counts as settled when it compiled for less than this share of a warm-up slice's time. */
    static final double SETTLED_JIT_SHARE = 0.2;
    static final int SUBMIT_EVERY = 10;
    /**
     * The measured time of each concurrency is split into this many rounds, the console's and the
     * replay's in turn, so that a machine that slows down or speeds up over a minute (two cores
     * shared with other work) weighs on both sides alike.
     */
    static final int ROUNDS = 3;
    /** Distinct accounts whose submission the replay sends: enough that replays rarely meet on one account's lock. */
    static final int SUBMISSION_REPLAYS = 500;
    static final double P95_AT_64_MS = 20.0;
    static final double P95_AT_256_MS = 100.0;
    static final double SHARE_AT_64 = 0.7;
    static final List<String> ACTIONS = List.of("search", "open", "preview", "submit", "audit-page");

    private final PerfConsole console;
    private final Connection superuser;
    private final AccountSearch search;
    private final EligibilityService eligibility;
    private final FlowSteps steps;
    private final ClosureSubmission submission;
    private final AuditTrail trail;
    private final List<String> phones;
    private final List<String> accounts;
    private final ConcurrentLinkedQueue<String> closable = new ConcurrentLinkedQueue<>();

    private LoadBenchmark(PerfConsole console, Connection superuser, Samples samples) {
        this.console = console;
        this.superuser = superuser;
        this.search = console.bean(AccountSearch.class);
        this.eligibility = console.bean(EligibilityService.class);
        this.steps = console.bean(FlowSteps.class);
        this.submission = console.bean(ClosureSubmission.class);
        this.trail = console.bean(AuditTrail.class);
        this.phones = samples.phones();
        this.accounts = samples.ordinary();
    }

    public static void main(String[] args) throws Exception {
        Path marker = LargeDataset.marker(PerfConsole.dataDirectory());
        if (!Files.exists(marker)) {
            System.err.println("No large dataset in " + PerfConsole.dataDirectory() + ": load it first with "
                    + "mvn -Pperf test-compile exec:exec@large-dataset");
            System.exit(2);
        }
        Map<String, Object> dataset = new ObjectMapper().readValue(marker.toFile(), new TypeReference<>() { });
        Instant started = Instant.now();
        try (PerfConsole console = PerfConsole.start(
                context -> {
                    context.getBeanFactory().addBeanPostProcessor(StatementCapture.postProcessor());
                    BrowserRoundTrips.register(context);
                });
             Connection jdbc = DriverManager.getConnection(console.superuserJdbcUrl())) {
            LoadBenchmark benchmark = new LoadBenchmark(console, jdbc, Samples.pick(jdbc, dataset));
            Path docs = Path.of("docs");
            Map<String, Object> report;
            if (AGENTS.isEmpty()) {
                // -Dperf.load.agents=0: only the browsers, their part of the last report replaced.
                report = new ObjectMapper().readValue(docs.resolve("benchmarks-load.json").toFile(), new TypeReference<>() { });
                report.put("browsers", benchmark.browsers());
            } else {
                report = benchmark.run(dataset, started);
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(docs.resolve("benchmarks-load.json").toFile(), report);
            LoadReport.writeSection(docs.resolve("benchmarks.md"), report);
            System.out.println(LoadReport.table(report));
        }
        System.exit(0);
    }

    private Map<String, Object> run(Map<String, Object> dataset, Instant started) throws Exception {
        // About 50 submissions a second over warm-up and run at every concurrency, and the replay's own.
        int needed = AGENTS.size() * (int) (MAX_WARM_UP.plus(RUN).toSeconds() * 60) + SUBMISSION_REPLAYS;
        findClosable(needed);
        log("%d phones, %d accounts to open, %d closable accounts for submissions", phones.size(), accounts.size(),
                closable.size());
        Map<String, List<StatementCapture.Captured>> replays = captureReplays();
        HikariDataSource console = console();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("startedAt", started.toString());
        report.put("command", "mvn -Pperf test-compile exec:exec@load");
        report.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "synchronousCommit", setting("synchronous_commit"), "fsync", setting("fsync"),
                "maxConnections", setting("max_connections")));
        report.put("dataset", Map.of("accounts", dataset.get("generatedAccounts"),
                "auditEntries", count("SELECT count(*) FROM audit_entry")));
        report.put("poolSize", console.getMaximumPoolSize());
        report.put("runSeconds", RUN.toSeconds());
        report.put("rounds", ROUNDS);
        report.put("warmUpSeconds", Map.of("min", WARM_UP.toSeconds(), "max", MAX_WARM_UP.toSeconds()));
        List<Map<String, Object>> levels = new ArrayList<>();
        for (int agents : AGENTS) {
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("agents", agents);
            level.put("warmUp", warmUp(agents));
            try (HikariDataSource replayPool = replayPool(console.getMaximumPoolSize())) {
                Tally consoleSide = new Tally(consoleSampler(console));
                Tally replaySide = new Tally(new Sampler(replayPool, () -> 0));
                Duration round = RUN.dividedBy(ROUNDS);
                for (int r = 1; r <= ROUNDS; r++) {
                    log("%d agents: round %d of %d, console for %d s", agents, r, ROUNDS, round.toSeconds());
                    consoleRun(agents, round, consoleSide);
                    log("%d agents: round %d of %d, JDBC replay for %d s", agents, r, ROUNDS, round.toSeconds());
                    replayRun(agents, replays, replayPool, round, replaySide);
                }
                level.put("rounds", ROUNDS);
                level.put("console", consoleSide.figures());
                level.put("jdbc", replaySide.figures());
            }
            level.put("verdict", LoadReport.verdict(level));
            levels.add(level);
            log("%d agents: %s", agents, level.get("verdict"));
        }
        report.put("levels", levels);
        Map<String, Object> browsers = browsers();
        if (browsers != null) {
            report.put("browsers", browsers);
        }
        report.put("durationSeconds", Duration.between(started, Instant.now()).toSeconds());
        return report;
    }

    /** The run through the real stack, or null when it is switched off or Chromium is missing. */
    private @org.jspecify.annotations.Nullable Map<String, Object> browsers() throws Exception {
        if (BROWSERS <= 0) {
            return null;
        }
        if (!com.closureconsole.HeadlessChromium.available()) {
            log("browsers: skipped, Debian's chromium and chromium-driver are not installed");
            return null;
        }
        int port = ((org.springframework.boot.web.context.WebServerApplicationContext) console.context)
                .getWebServer().getPort();
        var servletContext = ((org.springframework.web.context.WebApplicationContext) console.context).getServletContext();
        boolean production = com.vaadin.flow.server.startup.ApplicationConfiguration
                .get(new com.vaadin.flow.server.VaadinServletContext(servletContext)).isProductionMode();
        // One browser first: the console's own time per action, with no other session and one browser's CPU.
        Map<String, Object> single = null;
        if (BROWSERS > 1) {
            log("1 browser through HTTP and Vaadin's round trips for %d s", RUN.toSeconds());
            single = BrowserRoundTrips.run(port, superuser, 1, RUN);
            log("browser: %s", single);
        }
        log("%d browsers through HTTP and Vaadin's round trips for %d s", BROWSERS, RUN.toSeconds());
        Map<String, Object> browsers = new LinkedHashMap<>(BrowserRoundTrips.run(port, superuser, BROWSERS, RUN));
        log("browsers: %s", browsers);
        browsers.put("vaadinMode", production ? "production" : "development");
        if (single != null) {
            browsers.put("single", single);
        }
        return browsers;
    }

    /** The console's own pool, the one its services borrow from. */
    private HikariDataSource console() {
        DataSource dataSource = console.bean(DataSource.class);
        try {
            return dataSource.unwrap(HikariDataSource.class);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("The console's DataSource is not a Hikari pool", e);
        }
    }

    /** Active accounts with nothing that blocks closure, found by the console's own check. */
    /**
     * Runs the agents' loop unmeasured for at least {@link #WARM_UP}, then in slices of
     * {@link #WARM_UP_SLICE} until the JIT compiled for less than {@link #SETTLED_JIT_SHARE} of the
     * slice, at most {@link #MAX_WARM_UP} in all. A console serves its agents for hours: measured
     * while C2 still compiles the services' paths (it did for the whole 30 s after a 10 s warm-up,
     * on the same two cores), it would be charged for a start-up cost the replay, whose Java side is
     * a few JDBC calls, never pays. The share is of elapsed compilation time, which on saturated
     * cores includes the compiler threads' wait for a core: at 64 agents it fell from about 100 %
     * to 15-30 % over two minutes and did not reach 5 %, hence a settled JIT at 20 %. The first
     * concurrency warms the JIT up for the later ones, which run the same paths.
     */
    private Map<String, Object> warmUp(int agents) throws Exception {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        Instant start = Instant.now();
        log("%d agents: warming up for at least %d s", agents, WARM_UP.toSeconds());
        consoleRun(agents, WARM_UP, null);
        double share = Double.NaN;
        while (Duration.between(start, Instant.now()).plus(WARM_UP_SLICE).compareTo(MAX_WARM_UP) <= 0) {
            long compiledBefore = jit.getTotalCompilationTime();
            consoleRun(agents, WARM_UP_SLICE, null);
            share = (jit.getTotalCompilationTime() - compiledBefore) / (double) WARM_UP_SLICE.toMillis();
            log("%d agents: the JIT compiled for %.0f %% of the last %d s", agents, share * 100, WARM_UP_SLICE.toSeconds());
            if (share < SETTLED_JIT_SHARE) {
                break;
            }
        }
        Map<String, Object> warmUp = new LinkedHashMap<>();
        warmUp.put("seconds", Duration.between(start, Instant.now()).toSeconds());
        warmUp.put("jitShareOfLastSlice", Double.isNaN(share) ? null : Math.round(share * 1000) / 1000.0);
        warmUp.put("settled", share < SETTLED_JIT_SHARE);
        return warmUp;
    }

    private void findClosable(int needed) throws Exception {
        signIn("agent1", "ROLE_AGENT");
        try (Statement st = superuser.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT a.id FROM account a JOIN wallet w ON w.account_id = a.id
                 WHERE a.status = 'ACTIVE' AND a.id LIKE '20881%' AND w.balance = 0 AND w.yuebao_balance = 0
                   AND NOT w.huabei_open AND NOT w.baodian_open
                   AND NOT EXISTS (SELECT 1 FROM closure_request r WHERE r.account_id = a.id)
                 ORDER BY md5(a.id)""" + " LIMIT " + needed * 3)) {
            int found = 0; // ConcurrentLinkedQueue.size() walks the whole queue
            while (rs.next() && found < needed) {
                String id = rs.getString(1);
                EligibilityReport report = eligibility.check(id);
                if (report.closable()) {
                    closable.add(id);
                    found++;
                }
            }
        }
    }

    /**
     * The statements of each action for a few inputs, captured once: the replay sends them in
     * turn, as the console sent them.
     */
    private Map<String, List<StatementCapture.Captured>> captureReplays() {
        signIn("agent1", "ROLE_AGENT");
        Map<String, List<StatementCapture.Captured>> replays = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            String phone = phones.get(i % phones.size());
            String account = accounts.get(i % accounts.size());
            replays.put("search#" + i, StatementCapture.capture(() -> search.start(search.parse(phone))));
            replays.put("open#" + i, StatementCapture.capture(() -> eligibility.check(account)));
            replays.put("preview#" + i, StatementCapture.capture(() -> steps.preview(account, UUID.randomUUID())));
        }
        // A submission's statements are captured in a transaction that rolls back, so the account stays
        // closable and the replay's own (rolled-back) writes meet no row that the capture left behind.
        TransactionTemplate rollingBack = new TransactionTemplate(console.bean(PlatformTransactionManager.class));
        for (int i = 0; i < SUBMISSION_REPLAYS; i++) {
            String account = closable.poll();
            replays.put("submit#" + i, StatementCapture.capture(() -> rollingBack.executeWithoutResult(status -> {
                submit(account);
                status.setRollbackOnly();
            })));
        }
        signIn("supervisor1", "ROLE_SUPERVISOR");
        List<StatementCapture.Captured> page = StatementCapture.capture(() -> trail.page(AuditFilter.ALL, null, 50));
        for (int i = 0; i < 10; i++) {
            replays.put("audit-page#" + i, page);
        }
        return replays;
    }

    private void submit(String accountId) {
        UUID flow = UUID.randomUUID();
        VerificationMethod method = steps.preview(accountId, flow).verificationMethod();
        steps.recordVerification(accountId, flow, method, true);
        steps.confirmGivenUp(accountId, flow, FlowSteps.CONFIRMATION_VERSION);
        var result = submission.submit(new SubmitClosure(flow, flow.toString(), accountId, ClosureReason.NO_LONGER_USED, null));
        if (!(result instanceof com.closureconsole.closure.SubmissionResult.Submitted)) {
            throw new IllegalStateException("submission refused: " + result);
        }
    }

    /** The agents' loops and the supervisor's paging for {@code length}, added to {@code tally} (none: warm-up). */
    private void consoleRun(int agents, Duration length, @org.jspecify.annotations.Nullable Tally tally)
            throws Exception {
        Tally into = tally != null ? tally : new Tally(null);
        Map<String, Latencies> latencies = into.latencies;
        Map<String, LongAdder> errors = into.errors;
        Map<String, String> firstError = into.firstError;
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch ready = new CountDownLatch(agents + 1);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
            int agent = a;
            threads.add(started("agent-" + a, () -> {
                asStaff(agent % 2 == 0 ? "agent1" : "agent2", "ROLE_AGENT");
                Map<String, Latencies> mine = new LinkedHashMap<>();
                ready.countDown();
                await(go);
                java.util.Random random = new java.util.Random(agent);
                for (long loop = 0; !stop.get(); loop++) {
                    String phone = phones.get(random.nextInt(phones.size()));
                    String account = accounts.get(random.nextInt(accounts.size()));
                    timed("search", mine, errors, firstError, () -> search.start(search.parse(phone)));
                    timed("open", mine, errors, firstError, () -> eligibility.check(account));
                    timed("preview", mine, errors, firstError, () -> steps.preview(account, UUID.randomUUID()));
                    if (loop % SUBMIT_EVERY == SUBMIT_EVERY - 1) {
                        String target = closable.poll();
                        if (target != null) {
                            timed("submit", mine, errors, firstError, () -> submit(target));
                        }
                    }
                }
                mine.forEach((action, l) -> latencies.merge(action, l, Latencies::merged));
            }));
        }
        threads.add(started("supervisor", () -> {
            asStaff("supervisor1", "ROLE_SUPERVISOR");
            Map<String, Latencies> mine = new LinkedHashMap<>();
            ready.countDown();
            await(go);
            AuditCursor[] cursor = {null};
            for (int page = 0; !stop.get(); page++) {
                if (page % 20 == 0) {
                    cursor[0] = null;
                }
                timed("audit-page", mine, errors, firstError, () -> {
                    List<AuditEntry> entries = trail.page(AuditFilter.ALL, cursor[0], 50);
                    cursor[0] = entries.isEmpty() ? null : entries.get(entries.size() - 1).cursor();
                });
            }
            mine.forEach((action, l) -> latencies.merge(action, l, Latencies::merged));
        }));
        ready.await();
        // The console's requests for a connection wait for their turn first, then for the pool.
        MeterRegistry meters = console.bean(MeterRegistry.class);
        Timer turn = meters.find("closure.database.connection.wait").timer();
        Timer acquire = meters.find("hikaricp.connections.acquire").timer();
        long acquireCount = acquire == null ? 0 : acquire.count();
        double acquireNanos = nanos(acquire) + nanos(turn);
        into.measure(go, stop, threads, length);
        if (acquire != null) {
            into.acquired(acquire.count() - acquireCount, nanos(acquire) + nanos(turn) - acquireNanos);
        }
    }

    /** The sampler of the console's side: its requests wait for their turn, then for the pool. */
    private Sampler consoleSampler(HikariDataSource pool) {
        Gauge queued = console.bean(MeterRegistry.class).find("closure.database.connection.waiting").gauge();
        return new Sampler(pool, () -> queued == null ? 0 : (int) queued.value());
    }

    private static double nanos(@org.jspecify.annotations.Nullable Timer timer) {
        return timer == null ? 0 : timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private static void timed(String action, Map<String, Latencies> mine, Map<String, LongAdder> errors,
                              Map<String, String> firstError, Runnable call) {
        long begin = System.nanoTime();
        try {
            call.run();
            mine.computeIfAbsent(action, a -> new Latencies()).add(System.nanoTime() - begin);
        } catch (RuntimeException e) {
            errors.get(action).increment();
            firstError.putIfAbsent(action, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * N clients send the captured statements of the same loop (search, open, preview, a submission
     * every tenth loop) and one client the audit pages, over a pool of the console's size.
     */
    private void replayRun(int agents, Map<String, List<StatementCapture.Captured>> replays, HikariDataSource pool,
                           Duration length, Tally tally) throws Exception {
        Map<String, Latencies> latencies = tally.latencies;
        Map<String, LongAdder> errors = tally.errors;
        Map<String, String> firstError = tally.firstError;
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c <= agents; c++) {
            boolean supervisor = c == agents;
            int client = c;
            threads.add(started("replay-" + c, () -> {
                Map<String, Latencies> mine = new LinkedHashMap<>();
                await(go);
                java.util.Random random = new java.util.Random(client);
                for (long loop = 0; !stop.get(); loop++) {
                    if (supervisor) {
                        replay("audit-page", replays.get("audit-page#0"), pool, true, mine, errors, firstError);
                        continue;
                    }
                    for (String action : List.of("search", "open", "preview")) {
                        replay(action, replays.get(action + "#" + random.nextInt(50)), pool, true, mine, errors,
                                firstError);
                    }
                    if (loop % SUBMIT_EVERY == SUBMIT_EVERY - 1) {
                        replay("submit", replays.get("submit#" + random.nextInt(SUBMISSION_REPLAYS)), pool, false, mine, errors,
                                firstError);
                    }
                }
                mine.forEach((action, l) -> latencies.merge(action, l, Latencies::merged));
            }));
        }
        tally.measure(go, stop, threads, length);
    }

    /** The replay's own pool, of the console's size, over the superuser's connection. */
    private HikariDataSource replayPool(int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(superuserUrl());
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        config.setAutoCommit(false);
        config.setConnectionTimeout(30_000);
        config.setPoolName("replay");
        return new HikariDataSource(config);
    }

    /** Per action throughput, latencies and errors of one run, and the loops it made per second. */
    private static Map<String, Object> figures(Map<String, Latencies> latencies, Map<String, LongAdder> errors,
                                               Map<String, String> firstError, double seconds) {
        Map<String, Object> figures = new LinkedHashMap<>();
        Map<String, Object> actions = new LinkedHashMap<>();
        for (String action : ACTIONS) {
            Latencies l = latencies.getOrDefault(action, new Latencies());
            Map<String, Object> a = new LinkedHashMap<>(l.summary());
            a.put("perSecond", Math.round(l.count() / seconds * 10) / 10.0);
            a.put("errors", errors.get(action).sum());
            if (firstError.containsKey(action)) {
                a.put("firstError", firstError.get(action));
            }
            actions.put(action, a);
        }
        figures.put("seconds", Math.round(seconds * 10) / 10.0);
        figures.put("actions", actions);
        figures.put("loopsPerSecond", Math.round(latencies.getOrDefault("open", new Latencies()).count() / seconds * 10) / 10.0);
        return figures;
    }

    /** One action's statements in one transaction: committed, or (a submission's) rolled back. */
    private static void replay(String action, List<StatementCapture.Captured> statements, DataSource pool, boolean commit,
                               Map<String, Latencies> mine, Map<String, LongAdder> errors, Map<String, String> firstError) {
        long begin = System.nanoTime();
        try (Connection c = pool.getConnection()) {
            try {
                for (StatementCapture.Captured statement : statements) {
                    try (PreparedStatement ps = statement.prepare(c, "")) {
                        if (statement.isQuery()) {
                            Probe.readAll(ps);
                        } else {
                            ps.execute();
                        }
                    }
                }
                if (commit) {
                    c.commit();
                } else {
                    c.rollback();
                }
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
            mine.computeIfAbsent(action, a -> new Latencies()).add(System.nanoTime() - begin);
        } catch (Exception e) {
            errors.get(action).increment();
            firstError.putIfAbsent(action, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * What the machine does during a run, sampled every 100 ms: the process's and the machine's
     * CPU, the heap after the run's garbage, the pool's waiting threads, and what the database's
     * active backends wait on ({@code pg_stat_activity.wait_event_type/wait_event}, CPU when none).
     */
    /** What the measured rounds of one side, the console's or the replay's, add up to. */
    private static final class Tally {
        final Map<String, Latencies> latencies = new ConcurrentHashMap<>();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        final Map<String, String> firstError = new ConcurrentHashMap<>();
        private final @org.jspecify.annotations.Nullable Sampler sampler;
        private double seconds;
        private long acquires;
        private double acquireNanos;
        private boolean acquiresTimed;

        Tally(@org.jspecify.annotations.Nullable Sampler sampler) {
            this.sampler = sampler;
            ACTIONS.forEach(a -> errors.put(a, new LongAdder()));
        }

        /** One round, timed and sampled: lets the waiting {@code threads} go, and stops them after {@code length}. */
        void measure(CountDownLatch go, AtomicBoolean stop, List<Thread> threads, Duration length) throws Exception {
            if (sampler != null) {
                sampler.start();
            }
            long start = System.nanoTime();
            try {
                go.countDown();
                Thread.sleep(length.toMillis());
                stop.set(true);
                for (Thread t : threads) {
                    t.join();
                }
            } finally {
                seconds += (System.nanoTime() - start) / 1e9;
                if (sampler != null) {
                    sampler.stop();
                }
            }
        }

        void acquired(long count, double nanos) {
            acquires += count;
            acquireNanos += nanos;
            acquiresTimed = true;
        }

        Map<String, Object> figures() {
            Map<String, Object> figures = LoadBenchmark.figures(latencies, errors, firstError, seconds);
            if (acquiresTimed) {
                figures.put("poolAcquireMeanMs", acquires == 0 ? 0 : Latencies.round(acquireNanos / acquires / 1e6));
            }
            if (sampler != null) {
                figures.putAll(sampler.figures());
            }
            return figures;
        }
    }

    private final class Sampler {
        private final HikariPoolMXBean pool;
        private final java.util.function.IntSupplier queued;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Map<String, AtomicLong> waits = new TreeMap<>();
        private final List<Double> processCpu = new ArrayList<>();
        private final List<Double> machineCpu = new ArrayList<>();
        private final List<Integer> awaiting = new ArrayList<>();
        private final List<Integer> activeBackends = new ArrayList<>();
        private long heapPeak;
        private Thread thread;

        /** {@code queued}: the requests waiting before they reach the pool. */
        Sampler(HikariDataSource pool, java.util.function.IntSupplier queued) {
            this.pool = pool.getHikariPoolMXBean();
            this.queued = queued;
        }

        /** Starts sampling; a sampler started again after {@link #stop} adds to what it has. */
        void start() {
            stop.set(false);
            thread = started("sampler", this::sample);
        }

        void stop() throws InterruptedException {
            stop.set(true);
            thread.join();
        }

        private void sample() {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            try (Connection c = DriverManager.getConnection(superuserUrl());
                 PreparedStatement ps = c.prepareStatement("""
                         SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') AS waiting, count(*)
                           FROM pg_stat_activity
                          WHERE state = 'active' AND pid <> pg_backend_pid() AND backend_type = 'client backend'
                          GROUP BY 1""")) {
                while (!stop.get()) {
                    int active = 0;
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            waits.computeIfAbsent(rs.getString(1), k -> new AtomicLong()).addAndGet(rs.getLong(2));
                            active += rs.getInt(2);
                        }
                    }
                    activeBackends.add(active);
                    processCpu.add(os.getProcessCpuLoad());
                    machineCpu.add(os.getCpuLoad());
                    awaiting.add(queued.getAsInt() + pool.getThreadsAwaitingConnection());
                    heapPeak = Math.max(heapPeak, memory.getHeapMemoryUsage().getUsed());
                    Thread.sleep(100);
                }
            } catch (Exception e) {
                throw new IllegalStateException("sampling failed", e);
            }
        }

        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("machineCpu", Latencies.round(mean(machineCpu)));
            figures.put("consoleProcessCpu", Latencies.round(mean(processCpu)));
            figures.put("poolThreadsAwaitingMean", Latencies.round(mean(awaiting)));
            figures.put("poolThreadsAwaitingMax", awaiting.stream().mapToInt(Integer::intValue).max().orElse(0));
            figures.put("activeBackendsMean", Latencies.round(mean(activeBackends)));
            long total = waits.values().stream().mapToLong(AtomicLong::get).sum();
            Map<String, Object> share = new LinkedHashMap<>();
            waits.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get())).limit(8)
                    .forEach(e -> share.put(e.getKey(), Latencies.round((double) e.getValue().get() / Math.max(1, total))));
            figures.put("databaseWaits", share);
            figures.put("heapUsedPeakMb", heapPeak >> 20);
            return figures;
        }
    }

    private static double mean(List<? extends Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).filter(v -> v >= 0).average().orElse(Double.NaN);
    }

    private String superuserUrl() {
        return console.superuserJdbcUrl();
    }

    private String setting(String name) throws Exception {
        try (PreparedStatement ps = superuser.prepareStatement("SELECT current_setting(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private long count(String sql) throws Exception {
        try (Statement st = superuser.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void signIn(String user, String role) {
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, List.of(new SimpleGrantedAuthority(role))));
    }

    /** A security context of the thread's own: each simulated agent is a session of its own. */
    private static void asStaff(String user, String role) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, List.of(new SimpleGrantedAuthority(role))));
        SecurityContextHolder.setContext(context);
    }

    private static Thread started(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.start();
        return thread;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[load] " + format + "%n", args);
    }
}
