package com.closureconsole.perf;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import com.closureconsole.dashboard.Dashboard;
import com.closureconsole.dashboard.DashboardFigures;
import com.closureconsole.ui.i18n.Translations;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import kotlin.jvm.functions.Function0;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The supervisors' dashboard on the large dataset: how long the fold takes to count the whole
 * trail once (the console folds it in the background from its start), how far behind the trail
 * the figures are when an entry is written, and the dashboard's figures and whole page (the view's
 * refresh: figures, bars and server-drawn SVG) for 7, 30 and 90 days, each beside the same SQL
 * over plain JDBC.
 */
final class DashboardProbe {

    static final double PAGE_MS = 50.0;
    static final double LAG_MS = 5000.0;

    private final PerfConsole console;
    private final Connection jdbc;
    private final Probe probe;
    private final boolean quick;

    DashboardProbe(PerfConsole console, Connection jdbc, Probe probe, boolean quick) {
        this.console = console;
        this.jdbc = jdbc;
        this.probe = probe;
        this.quick = quick;
    }

    void run(Consumer<Measurement> add) throws Exception {
        signInSupervisor(null);
        List<Object> catchUp = awaitCaughtUp(Duration.ofMinutes(60));
        DashboardFigures figures = console.bean(DashboardFigures.class);
        for (int days : List.of(7, 30, 90)) {
            Measurement m = new Measurement("dashboard.figures." + days + "d", "dashboard",
                    "dashboard figures, last " + days + " days (DashboardFigures.lastDays)", PAGE_MS, true);
            m.facts.put("call", "DashboardFigures.lastDays(" + days + "): every figure the page shows, one snapshot");
            if (days == 30) {
                m.facts.put("auditEntries", catchUp.get(0));
                m.facts.put("sealedBlocks", catchUp.get(1));
                m.facts.put("foldCatchUpSeconds", catchUp.get(2));
                m.facts.put("foldEntriesPerSecond", catchUp.get(3));
                m.facts.put("aggregateRows", aggregateRows());
                Dashboard sample = figures.lastDays(days);
                m.facts.put("sample", String.format(Locale.ROOT, "%d closures completed, %d accounts checked, %d refusals, "
                                + "time to close %s", sample.total(Dashboard.ClosureOutcome.COMPLETED), sample.accountsChecked(),
                        sample.refusals().stream().mapToLong(Dashboard.Refusals::count).sum(),
                        sample.timeToClose().map(Object::toString).orElse("none")));
            }
            probe.run(m, List.of(days), figures::lastDays, rounds(200), rounds(1000));
            add.accept(m);
        }
        page(add);
        lag(add);
    }

    /** The view as a supervisor's browser has it, refreshed: figures, components and SVG, server side. */
    private void page(Consumer<Measurement> add) throws Exception {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(new Routes().autoDiscoverViews("com.closureconsole"),
                console.context, uiFactory));
        try {
            for (var locale : List.of(Translations.CHINESE, Translations.ENGLISH)) {
                VaadinSession.getCurrent().setLocale(locale);
                UI.getCurrent().setLocale(locale);
                signInSupervisor((FakeRequest) VaadinServletRequest.getCurrent().getRequest());
                UI.getCurrent().navigate("dashboard");
                Button refresh = LocatorJ._get(Button.class, spec -> spec.withId("dashboard-refresh"));
                Measurement m = new Measurement("dashboard.page." + locale.getLanguage(), "dashboard",
                        "dashboard page, last 30 days, refreshed (" + locale.getDisplayLanguage(Locale.ENGLISH) + ")",
                        PAGE_MS, true);
                m.facts.put("call", "DashboardView's Refresh: DashboardFigures.lastDays(30), then every section's "
                        + "components and SVG charts rebuilt on the server");
                probe.run(m, List.of(refresh), ButtonKt::_click, rounds(100), rounds(500));
                add.accept(m);
                UI.getCurrent().navigate("");
            }
        } finally {
            MockVaadin.tearDown();
            signInSupervisor(null);
        }
    }

    /** Writes an entry as the console records one and times until the dashboard has counted it. */
    private void lag(Consumer<Measurement> add) throws Exception {
        Measurement m = new Measurement("dashboard.lag", "dashboard",
                "freshness: an audit entry written → counted on the dashboard (sealer, then fold)", LAG_MS, true);
        m.facts.put("call", "one ELIGIBILITY_CHECK entry appended, then the fold's watermark polled every 10 ms");
        m.facts.put("sealInterval", console.context.getEnvironment().getProperty("closure.audit.seal-interval", "500ms"));
        m.facts.put("foldInterval", console.context.getEnvironment().getProperty("closure.dashboard.fold-interval", "2s"));
        int samples = quick ? 3 : 10;
        for (int i = 0; i < samples; i++) {
            long id;
            long start = System.nanoTime();
            try (PreparedStatement insert = jdbc.prepareStatement("""
                    INSERT INTO audit_entry (occurred_at, actor, actor_role, client_address, action, account_id, outcome,
                                             details_text, details, correlation_id)
                    SELECT clock_timestamp(), 'agent1', 'AGENT', '127.0.0.1', 'ELIGIBILITY_CHECK', '2088000000000002',
                           'BLOCKED', text, CAST(text AS jsonb), NULL
                      FROM (VALUES ('{"closable":false,"failedPreCheck":null,"blockers":[{"code":"BALANCE_NOT_ZERO"}]}')) AS d (text)
                    RETURNING id""");
                 ResultSet rs = insert.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            while (!counted(id)) {
                Thread.sleep(10);
                if (System.nanoTime() - start > Duration.ofSeconds(60).toNanos()) {
                    throw new IllegalStateException("entry " + id + " was not counted within 60 s");
                }
            }
            m.console.add(System.nanoTime() - start);
        }
        add.accept(m);
    }

    private boolean counted(long entryId) throws Exception {
        try (PreparedStatement ps = jdbc.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM audit_entry_seal s, dashboard_fold f
                                WHERE s.entry_id = ? AND s.block_no <= f.last_block_no)""")) {
            ps.setLong(1, entryId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Waits until every entry is sealed and every block counted; answers entries, blocks, seconds, entries/s. */
    private List<Object> awaitCaughtUp(Duration patience) throws Exception {
        long start = System.nanoTime();
        long startFolded = scalar("SELECT entries_folded FROM dashboard_fold");
        long lastLog = 0;
        while (true) {
            long unsealed = scalar("SELECT count(*) FROM audit_unsealed");
            long behind = scalar("SELECT coalesce((SELECT max(block_no) FROM audit_block), 0) - last_block_no FROM dashboard_fold");
            if (unsealed == 0 && behind == 0) {
                break;
            }
            if (System.nanoTime() - lastLog > Duration.ofSeconds(15).toNanos()) {
                ConsoleBenchmark.log("dashboard: %,d entries to seal, %,d blocks to count (%,d entries counted)",
                        unsealed, behind, scalar("SELECT entries_folded FROM dashboard_fold"));
                lastLog = System.nanoTime();
            }
            if (System.nanoTime() - start > patience.toNanos()) {
                throw new IllegalStateException("the dashboard did not catch up within " + patience);
            }
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long folded = scalar("SELECT entries_folded FROM dashboard_fold");
        List<Object> result = new ArrayList<>();
        result.add(scalar("SELECT count(*) FROM audit_entry"));
        result.add(scalar("SELECT coalesce(max(block_no), 0) FROM audit_block"));
        result.add(Math.round(seconds * 10) / 10.0);
        result.add(seconds < 0.5 ? "already counted before the benchmark started"
                : String.format(Locale.ROOT, "%,.0f (sealing included)", (folded - startFolded) / seconds));
        ConsoleBenchmark.log("dashboard: caught up after %.1f s, %,d entries counted", seconds, folded);
        return result;
    }

    private String aggregateRows() throws Exception {
        StringBuilder rows = new StringBuilder();
        for (String table : List.of("dashboard_closure_day", "dashboard_check_day", "dashboard_check_seen",
                "dashboard_first_check", "dashboard_time_to_close", "dashboard_refusal_day", "dashboard_notification_day")) {
            rows.append(rows.isEmpty() ? "" : ", ").append(table).append(' ')
                    .append(String.format(Locale.ROOT, "%,d", scalar("SELECT count(*) FROM " + table)));
        }
        return rows.toString();
    }

    private long scalar(String sql) throws Exception {
        try (Statement st = jdbc.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private int rounds(int full) {
        return quick ? Math.max(5, full / 10) : full;
    }

    /** Signs supervisor1 in for the services and, given the mock request, for Vaadin's navigation too. */
    private static void signInSupervisor(FakeRequest request) {
        Authentication supervisor = new UsernamePasswordAuthenticationToken("supervisor1", null,
                List.of(new SimpleGrantedAuthority("ROLE_SUPERVISOR")));
        SecurityContextHolder.getContext().setAuthentication(supervisor);
        if (request != null) {
            request.setUserPrincipalInt(supervisor);
            request.setUserInRole((principal, role) -> "SUPERVISOR".equals(role));
        }
    }
}
