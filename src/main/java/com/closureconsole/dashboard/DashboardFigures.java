package com.closureconsole.dashboard;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.closureconsole.dashboard.Dashboard.ChannelFigures;
import com.closureconsole.dashboard.Dashboard.ClosureDay;
import com.closureconsole.dashboard.Dashboard.ClosureOutcome;
import com.closureconsole.dashboard.Dashboard.ConditionShare;
import com.closureconsole.dashboard.Dashboard.DayFailures;
import com.closureconsole.dashboard.Dashboard.DayTimeToClose;
import com.closureconsole.dashboard.Dashboard.Freshness;
import com.closureconsole.dashboard.Dashboard.Refusals;
import com.closureconsole.dashboard.Dashboard.TimeToClose;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the supervisors' dashboard from the daily figures the fold keeps: a handful of index
 * reads over at most a few thousand small rows whatever the size of the audit trail, in one
 * snapshot so that every figure is of the same moment.
 */
@Service
public class DashboardFigures {

    /** The longest period the dashboard shows at once. */
    public static final int MAX_DAYS = 366;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ZoneId zone;

    DashboardFigures(JdbcTemplate jdbc, Clock clock, @Value("${closure.ui.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** The last {@code days} days, today included (1 to {@link #MAX_DAYS}). */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Dashboard lastDays(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be 1 to " + MAX_DAYS + ", not " + days);
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return between(today.minusDays(days - 1L), today);
    }

    private Dashboard between(LocalDate from, LocalDate to) {
        Date first = Date.valueOf(from);
        Date last = Date.valueOf(to);
        Map<@Nullable LocalDate, TimeToClose> times = times(first, last);
        Optional<TimeToClose> period = Optional.ofNullable(times.remove(null));
        List<DayTimeToClose> byDay = times.entrySet().stream()
                .map(e -> new DayTimeToClose(e.getKey(), e.getValue())).toList();
        return new Dashboard(from, to, freshness(), closures(first, last), checked(first, last),
                conditions(first, last), period, byDay, refusals(first, last), notifications(first, last),
                failuresByDay(first, last));
    }

    private Freshness freshness() {
        return jdbc.queryForObject("""
                SELECT f.last_block_no, f.caught_up_at,
                       (SELECT coalesce(max(block_no), 0) FROM audit_block) - f.last_block_no AS behind
                  FROM dashboard_fold f""", (row, n) -> new Freshness(row.getLong(1),
                Optional.ofNullable(row.getObject(2, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null),
                Math.max(0, row.getLong(3))));
    }

    private List<ClosureDay> closures(Date first, Date last) {
        Map<LocalDate, Map<ClosureOutcome, Long>> days = new LinkedHashMap<>();
        jdbc.query("SELECT day, outcome, closures FROM dashboard_closure_day WHERE day BETWEEN ? AND ? ORDER BY day",
                row -> {
                    days.computeIfAbsent(row.getDate(1).toLocalDate(), d -> new EnumMap<>(ClosureOutcome.class))
                            .put(ClosureOutcome.valueOf(row.getString(2)), row.getLong(3));
                }, first, last);
        List<ClosureDay> out = new ArrayList<>();
        days.forEach((day, counts) -> out.add(new ClosureDay(day, counts)));
        return out;
    }

    private long checked(Date first, Date last) {
        return jdbc.queryForObject(
                "SELECT coalesce(sum(accounts), 0) FROM dashboard_check_day WHERE code = '' AND day BETWEEN ? AND ?",
                Long.class, first, last);
    }

    private List<ConditionShare> conditions(Date first, Date last) {
        return jdbc.query("""
                SELECT code, sum(accounts) AS accounts,
                       sum(accounts)::float8 / nullif((SELECT sum(accounts) FROM dashboard_check_day
                                                        WHERE code = '' AND day BETWEEN ? AND ?), 0) AS share
                  FROM dashboard_check_day
                 WHERE code <> '' AND day BETWEEN ? AND ?
                 GROUP BY code
                 ORDER BY accounts DESC, code""", (row, n) -> new ConditionShare(row.getString(1), row.getLong(2),
                row.getDouble(3)), first, last, first, last);
    }

    /** Per day, and for the whole period under the key {@code null}. */
    private Map<@Nullable LocalDate, TimeToClose> times(Date first, Date last) {
        Map<@Nullable LocalDate, TimeToClose> times = new LinkedHashMap<>();
        jdbc.query("""
                SELECT day, count(*), percentile_disc(0.5) WITHIN GROUP (ORDER BY millis),
                       percentile_disc(0.9) WITHIN GROUP (ORDER BY millis)
                  FROM dashboard_time_to_close
                 WHERE day BETWEEN ? AND ?
                 GROUP BY GROUPING SETS ((day), ())
                 ORDER BY day NULLS FIRST""", row -> {
            Date day = row.getDate(1);
            times.put(day == null ? null : day.toLocalDate(), new TimeToClose(row.getLong(2),
                    Duration.ofMillis(row.getLong(3)), Duration.ofMillis(row.getLong(4))));
        }, first, last);
        return times;
    }

    private List<Refusals> refusals(Date first, Date last) {
        return jdbc.query("""
                SELECT action, reason, sum(refusals) AS refusals FROM dashboard_refusal_day
                 WHERE day BETWEEN ? AND ?
                 GROUP BY action, reason
                 ORDER BY refusals DESC, action, reason""",
                (row, n) -> new Refusals(row.getString(1), row.getString(2), row.getLong(3)), first, last);
    }

    private List<ChannelFigures> notifications(Date first, Date last) {
        return jdbc.query("""
                SELECT channel, sum(queued), sum(delivered), sum(failed_attempts), sum(failed_for_good)
                  FROM dashboard_notification_day
                 WHERE day BETWEEN ? AND ?
                 GROUP BY channel
                 ORDER BY channel""", (row, n) -> new ChannelFigures(row.getString(1), row.getLong(2), row.getLong(3),
                row.getLong(4), row.getLong(5)), first, last);
    }

    private List<DayFailures> failuresByDay(Date first, Date last) {
        return jdbc.query("""
                SELECT day, sum(failed_attempts), sum(failed_for_good) FROM dashboard_notification_day
                 WHERE day BETWEEN ? AND ?
                 GROUP BY day
                HAVING sum(failed_attempts) > 0
                 ORDER BY day""", (row, n) -> new DayFailures(row.getDate(1).toLocalDate(), row.getLong(2),
                row.getLong(3)), first, last);
    }
}
