package com.closureconsole.perf;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit browser's and the audit export's SQL shapes, used to find deep cursors and to show
 * plans beside the service figures. These are the statements the audit module's {@code AuditQuery}
 * builds: a filter of optional parts (time range, actor, account, action, outcome, text in the
 * details), newest first, seeking past a cursor on {@code (occurred_at, id)} with a LIMIT, never
 * OFFSET or COUNT. The benchmark times the services themselves ({@code AuditTrail.page},
 * {@code AuditExport.start}) beside a JDBC replay of the statements they send.
 */
final class AuditShapes {

    /** One filter of the audit browser, as the WHERE clause AuditQuery builds for it. */
    record Filter(String key, String label, List<String> conditions, List<Object> parameters) {

        String sql(String columns, boolean afterCursor, boolean limited) {
            List<String> all = new ArrayList<>(conditions);
            if (afterCursor) {
                all.add("(occurred_at, id) < (?, ?)");
            }
            return "SELECT " + columns + " FROM audit_entry"
                    + (all.isEmpty() ? "" : " WHERE " + String.join(" AND ", all))
                    + " ORDER BY occurred_at DESC, id DESC" + (limited ? " LIMIT ?" : "");
        }
    }

    /** A page position: the time and id of the last entry already seen (null: the newest page). */
    record Cursor(Instant occurredAt, long id, int depth) {
    }

    static final int PAGE = 50;

    final String columns;
    final String detailsColumn;

    AuditShapes(boolean detailsText) {
        this.detailsColumn = detailsText ? "details_text" : "details::text";
        this.columns = "id, occurred_at, actor, actor_role, client_address, action, account_id, outcome, "
                + (detailsText ? "details_text" : "details") + ", correlation_id, prev_hash, hash";
    }

    Filter none() {
        return new Filter("all", "no filter", List.of(), List.of());
    }

    Filter actor(String actor) {
        return new Filter("actor", "actor = " + actor, List.of("actor = ?"), List.of(actor));
    }

    Filter account(String accountId) {
        return new Filter("account", "account = " + accountId, List.of("account_id = ?"), List.of(accountId));
    }

    Filter action(String action) {
        return new Filter("action-" + action.toLowerCase(java.util.Locale.ROOT), "action = " + action,
                List.of("action = ?"), List.of(action));
    }

    Filter outcome(String outcome) {
        return new Filter("outcome-" + outcome.toLowerCase(java.util.Locale.ROOT), "outcome = " + outcome,
                List.of("outcome = ?"), List.of(outcome));
    }

    Filter timeRange(String key, Instant from, Instant to) {
        return new Filter(key, "time from " + from + " to " + to, List.of("occurred_at >= ?", "occurred_at < ?"),
                List.of(utc(from), utc(to)));
    }

    Filter text(String key, String text) {
        com.closureconsole.audit.TextMatch match = com.closureconsole.audit.TextMatch.of(detailsColumn, text);
        return new Filter(key, "text in details: " + text, List.of(match.condition()), List.of(match.parameter()));
    }

    Filter and(String key, Filter a, Filter b) {
        List<String> conditions = new ArrayList<>(a.conditions());
        conditions.addAll(b.conditions());
        List<Object> parameters = new ArrayList<>(a.parameters());
        parameters.addAll(b.parameters());
        return new Filter(key, a.label() + " and " + b.label(), conditions, parameters);
    }

    /**
     * Cursors {@code depth}, {@code depth + 50} … entries into the filter's result, or fewer and
     * shallower when the filter matches fewer entries (then the last full page is the deepest).
     */
    List<Cursor> cursorsAt(Connection connection, Filter filter, int depth, int count) throws Exception {
        int wanted = depth + count * PAGE + PAGE;
        List<Instant> times = new ArrayList<>(wanted);
        List<Long> ids = new ArrayList<>(wanted);
        try (PreparedStatement ps = connection.prepareStatement(filter.sql("occurred_at, id", false, true))) {
            bind(ps, filter, null, wanted);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    times.add(rs.getObject(1, OffsetDateTime.class).toInstant());
                    ids.add(rs.getLong(2));
                }
            }
        }
        List<Cursor> cursors = new ArrayList<>();
        if (times.size() <= PAGE) {
            return cursors;
        }
        int deepest = times.size() - PAGE - 1;
        int start = Math.min(depth, Math.max(0, deepest - (count - 1) * PAGE));
        for (int i = 0; i < count; i++) {
            int at = start + i * PAGE;
            if (at > deepest || times.isEmpty()) {
                break;
            }
            cursors.add(new Cursor(times.get(at), ids.get(at), at + 1));
        }
        return cursors;
    }

    /** Prepares one page of {@code filter} after {@code cursor}. */
    PreparedStatement page(Connection connection, Filter filter, Cursor cursor) throws Exception {
        PreparedStatement ps = connection.prepareStatement(filter.sql(columns, cursor != null, true));
        bind(ps, filter, cursor, PAGE);
        return ps;
    }

    String explain(Connection connection, Filter filter, Cursor cursor) throws Exception {
        String sql = filter.sql(columns, cursor != null, true);
        try (PreparedStatement ps = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            bind(ps, filter, cursor, PAGE);
            StringBuilder plan = new StringBuilder(sql).append("\n--\n");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    private static void bind(PreparedStatement ps, Filter filter, Cursor cursor, Integer limit) throws Exception {
        int index = 1;
        for (Object parameter : filter.parameters()) {
            ps.setObject(index++, parameter);
        }
        if (cursor != null) {
            ps.setObject(index++, utc(cursor.occurredAt()));
            ps.setLong(index++, cursor.id());
        }
        if (limit != null) {
            ps.setInt(index, limit);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
