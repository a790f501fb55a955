package com.closureconsole.perf;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's section of the benchmark without the large dataset: on a console of its own
 * ({@code -Dperf.data-directory}, made afresh), the daily figures that 10,000,000 audit entries of
 * the large dataset's mix over two years give (its shares: 20 % eligibility checks, 3 % closure
 * submissions, 2.5 % completions …), written straight into the dashboard's tables; plus
 * {@code perf.dashboard.entries} (default 500,000) real entries in the same mix appended through
 * the columns the console writes, sealed by the console's sealer while the fold is held, then
 * folded, to time the fold itself. Then the same measurements as {@link DashboardProbe}. Writes to
 * {@code target/benchmarks}.
 */
public final class DashboardVolume {

    private DashboardVolume() {
    }

    public static void main(String[] args) throws Exception {
        long entries = Long.getLong("perf.dashboard.entries", 500_000);
        Instant started = Instant.now();
        List<Measurement> measurements = new ArrayList<>();
        try (PerfConsole console = PerfConsole.start(
                context -> context.getBeanFactory().addBeanPostProcessor(StatementCapture.postProcessor()));
             Connection jdbc = DriverManager.getConnection(console.superuserJdbcUrl())) {
            jdbc.setAutoCommit(true);
            String zone = console.context.getEnvironment().getProperty("closure.ui.time-zone", "Asia/Shanghai");
            long foldMillis;
            try (Connection holder = DriverManager.getConnection(console.superuserJdbcUrl())) {
                holder.setAutoCommit(false);
                try (Statement hold = holder.createStatement()) {
                    // Fold once so the zone is recorded, then hold the fold while the volume goes in.
                    awaitFolded(jdbc);
                    hold.execute("SELECT * FROM dashboard_fold FOR UPDATE");
                    ConsoleBenchmark.log("dashboard volume: writing two years of daily figures for 10,000,000 entries");
                    daily(jdbc, zone);
                    ConsoleBenchmark.log("dashboard volume: appending %,d entries in the large dataset's mix", entries);
                    append(jdbc, entries);
                    awaitSealed(jdbc);
                }
                long start = System.nanoTime();
                holder.rollback();
                awaitFolded(jdbc);
                foldMillis = (System.nanoTime() - start) / 1_000_000;
            }
            try (Statement st = jdbc.createStatement()) {
                st.execute("VACUUM ANALYZE dashboard_time_to_close");
                st.execute("ANALYZE");
            }
            ConsoleBenchmark.log("dashboard volume: folded %,d entries in %,d ms (%,.0f entries/s)", entries, foldMillis,
                    entries * 1000.0 / Math.max(1, foldMillis));
            new DashboardProbe(console, jdbc, new Probe(jdbc), ConsoleBenchmark.QUICK).run(m -> {
                if (m.id.equals("dashboard.figures.30d")) {
                    m.facts.put("volume", "daily figures of 10,000,000 audit entries over 730 days written into the "
                            + "dashboard's tables (the large dataset was not available), plus " + entries
                            + " entries folded by the console");
                    m.facts.put("foldOfAppendedEntriesMs", foldMillis);
                    m.facts.put("foldEntriesPerSecondMeasured", Math.round(entries * 1000.0 / Math.max(1, foldMillis)));
                }
                measurements.add(m);
                ConsoleBenchmark.log("%-80s console p50 %.3f p95 %.3f | JDBC p50 %.3f p95 %.3f ms", m.label,
                        m.console.median(), m.console.p95(), m.jdbc.median(), m.jdbc.p95());
            });
            Report report = new Report(Map.of("createdAt", started.toString(), "rows", "see the dashboard facts"),
                    measurements, Map.of(), List.of(), Report.machine(jdbc), started,
                    Duration.between(started, Instant.now()), ConsoleBenchmark.QUICK);
            report.write(Path.of("target", "benchmarks"));
            System.out.println(report.summaryTable());
        }
        System.exit(0);
    }

    /** The large dataset's daily figures: 10,000,000 entries over 730 days, each day's counts varied a little. */
    private static void daily(Connection jdbc, String zone) throws Exception {
        String days = "generate_series(0, 729) AS g, LATERAL (SELECT ((now() AT TIME ZONE '" + zone
                + "')::date - g) AS day) AS d";
        try (Statement st = jdbc.createStatement()) {
            st.execute("""
                    INSERT INTO dashboard_closure_day (day, outcome, closures)
                    SELECT day, o.outcome, round(o.per_day * (0.8 + 0.4 * random()))
                      FROM %s, (VALUES ('SUBMITTED', 411), ('COMPLETED', 342), ('FAILED', 27), ('REJECTED', 27),
                                       ('CANCELLED', 41)) AS o (outcome, per_day)
                    ON CONFLICT DO NOTHING""".formatted(days));
            st.execute("""
                    INSERT INTO dashboard_check_day (day, code, accounts)
                    SELECT day, c.code, round(c.per_day * (0.8 + 0.4 * random()))
                      FROM %s, (VALUES ('', 2740), ('BALANCE_NOT_ZERO', 137), ('YUEBAO_NOT_EMPTY', 137),
                                       ('TRANSACTION_IN_PROGRESS', 137), ('WITHHOLDING_AGREEMENT_ACTIVE', 137),
                                       ('HUABEI_OPEN', 137), ('AGREEMENT_CONDITION', 137),
                                       ('SECURITY_OPERATION_IN_PROGRESS', 137), ('DISPUTE_OR_RESTRICTION', 137),
                                       ('MERCHANT_CONTRACT_IN_FORCE', 137), ('BAODIAN_NOT_EMPTY', 137)) AS c (code, per_day)
                    ON CONFLICT DO NOTHING""".formatted(days));
            // One row per completed closure (342 a day), from minutes to weeks after the first check.
            st.execute("""
                    INSERT INTO dashboard_time_to_close (entry_id, day, account_id, millis)
                    SELECT -(g * 1000 + n), day, lpad((g * 1000 + n)::text, 16, '2'),
                           floor(exp(8 + random() * 12))::bigint
                      FROM %s, generate_series(1, 342) AS n""".formatted(days));
            st.execute("""
                    INSERT INTO dashboard_refusal_day (day, action, reason, refusals)
                    SELECT day, r.action, r.reason, round(r.per_day * (0.5 + random()))
                      FROM %s, (VALUES ('CLOSURE_SUBMIT', 'NOT_ELIGIBLE', 9), ('CLOSURE_SUBMIT', 'ALREADY_IN_PROGRESS', 2),
                                       ('CLOSURE_SUBMIT', 'IDENTITY_NOT_VERIFIED', 3), ('CLOSURE_SUBMIT', 'INCOMPLETE', 1),
                                       ('CLOSURE_SUBMIT', 'CONFIRMATION_OUTDATED', 1), ('CLOSURE_APPROVE', 'SELF_APPROVAL', 2),
                                       ('CLOSURE_APPROVE', 'ALREADY_DECIDED', 1), ('CLOSURE_CANCEL', 'TOO_LATE_TO_CANCEL', 1),
                                       ('CLOSURE_REJECT', 'REASON_REQUIRED', 1)) AS r (action, reason, per_day)
                    ON CONFLICT DO NOTHING""".formatted(days));
            st.execute("""
                    INSERT INTO dashboard_notification_day (day, channel, queued, delivered, failed_attempts, failed_for_good)
                    SELECT day, ch.channel, round(ch.share * 219), round(ch.share * 204), round(ch.share * 9),
                           round(ch.share * 2)
                      FROM %s, (VALUES ('EMAIL', 0.85), ('SMS', 0.15)) AS ch (channel, share)
                    ON CONFLICT DO NOTHING""".formatted(days));
        }
    }

    /** Entries in the large dataset's mix of actions, appended as the console appends them (then sealed). */
    private static void append(Connection jdbc, long entries) throws Exception {
        try (Statement st = jdbc.createStatement()) {
            st.execute("""
                    INSERT INTO audit_entry (occurred_at, actor, actor_role, client_address, action, account_id, outcome,
                                             details_text, details, correlation_id)
                    SELECT occurred_at, actor, actor_role, client_address, action, account_id, outcome,
                           details_text, CAST(details_text AS jsonb), correlation_id
                    FROM (
                    SELECT clock_timestamp() AS occurred_at, 'agent' || (g %% 200) AS actor, 'AGENT' AS actor_role,
                           '10.20.1.1' AS client_address, a.action,
                           '2088' || lpad((g * 7919 %% 1000000)::text, 12, '0') AS account_id,
                           CASE WHEN a.action = 'ELIGIBILITY_CHECK' AND g %% 2 = 0 THEN 'BLOCKED'
                                WHEN a.action IN ('CLOSURE_FAIL') OR (a.action IN ('CLOSURE_SUBMIT', 'NOTIFICATION_DELIVERY')
                                                                      AND g %% 25 = 0) THEN 'FAILURE'
                                ELSE 'SUCCESS' END AS outcome,
                           CASE a.action
                               WHEN 'ELIGIBILITY_CHECK' THEN CASE WHEN g %% 2 = 0
                                   THEN '{"closable":false,"failedPreCheck":null,"blockers":[{"code":"'
                                        || (ARRAY['BALANCE_NOT_ZERO','YUEBAO_NOT_EMPTY','HUABEI_OPEN','DISPUTE_OR_RESTRICTION',
                                                  'BAODIAN_NOT_EMPTY'])[1 + (g / 2) %% 5] || '","objects":[],"liftsAt":null}]}'
                                   ELSE '{"closable":true,"failedPreCheck":null,"blockers":[]}' END
                               WHEN 'CLOSURE_SUBMIT' THEN CASE WHEN g %% 25 = 0 THEN '{"refused":"NOT_ELIGIBLE"}'
                                                               ELSE '{"reasonCode":"NO_LONGER_USED"}' END
                               WHEN 'NOTIFICATION_QUEUED' THEN '{"channel":"EMAIL"}'
                               WHEN 'NOTIFICATION_DELIVERY' THEN '{"channel":"EMAIL","willRetry":' || (g %% 50 <> 0) || '}'
                               ELSE '{}' END AS details_text,
                           CAST(NULL AS uuid) AS correlation_id
                      FROM generate_series(1::bigint, %d) AS g,
                           LATERAL (SELECT CASE WHEN g %% 10000 < 3000 THEN 'ACCOUNT_SEARCH'
                                                WHEN g %% 10000 < 5500 THEN 'ACCOUNT_VIEW'
                                                WHEN g %% 10000 < 7500 THEN 'ELIGIBILITY_CHECK'
                                                WHEN g %% 10000 < 8900 THEN 'IDENTITY_VERIFICATION'
                                                WHEN g %% 10000 < 9200 THEN 'CLOSURE_SUBMIT'
                                                WHEN g %% 10000 < 9450 THEN 'CLOSURE_COMPLETE'
                                                WHEN g %% 10000 < 9470 THEN 'CLOSURE_FAIL'
                                                WHEN g %% 10000 < 9630 THEN 'NOTIFICATION_QUEUED'
                                                WHEN g %% 10000 < 9785 THEN 'NOTIFICATION_DELIVERY'
                                                ELSE 'SIGN_IN' END AS action) AS a) AS e""".formatted(entries));
        }
    }

    private static void awaitSealed(Connection jdbc) throws Exception {
        long start = System.nanoTime();
        while (scalar(jdbc, "SELECT count(*) FROM audit_unsealed") > 0) {
            Thread.sleep(200);
            if (System.nanoTime() - start > Duration.ofMinutes(30).toNanos()) {
                throw new IllegalStateException("not sealed within 30 min");
            }
        }
        ConsoleBenchmark.log("dashboard volume: sealed in %,d ms", (System.nanoTime() - start) / 1_000_000);
    }

    private static void awaitFolded(Connection jdbc) throws Exception {
        long start = System.nanoTime();
        while (scalar(jdbc, "SELECT coalesce((SELECT max(block_no) FROM audit_block), 0) - last_block_no "
                + "+ CASE WHEN time_zone IS NULL THEN 1 ELSE 0 END FROM dashboard_fold") > 0) {
            Thread.sleep(20);
            if (System.nanoTime() - start > Duration.ofMinutes(30).toNanos()) {
                throw new IllegalStateException("not folded within 30 min");
            }
        }
    }

    private static long scalar(Connection jdbc, String sql) throws Exception {
        try (Statement st = jdbc.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
