package com.closureconsole.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The SQL of a filtered look at the trail, newest first. Pages seek past a cursor on
 * {@code (occurred_at, id)}, which the indexes of V004 and V010 serve directly: no OFFSET and no
 * count, so a page deep in the history costs what the first one does.
 */
final class AuditQuery {

    static final String COLUMNS = "id, occurred_at, actor, actor_role, client_address, action, account_id, "
            + "outcome, details_text, correlation_id, prev_hash, hash";

    /** {@link #COLUMNS} of the entry aliased {@code e}, for joins with tables that share a column name. */
    static final String E_COLUMNS = java.util.Arrays.stream(COLUMNS.split(", "))
            .map(column -> "e." + column).collect(java.util.stream.Collectors.joining(", "));

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    private AuditQuery(AuditFilter filter, @Nullable AuditCursor after) {
        if (filter.from() != null) {
            where("occurred_at >= ?", utc(filter.from()));
        }
        if (filter.to() != null) {
            where("occurred_at < ?", utc(filter.to()));
        }
        if (filter.actor() != null) {
            where("actor = ?", filter.actor());
        }
        if (filter.accountId() != null) {
            where("account_id = ?", filter.accountId());
        }
        if (filter.action() != null) {
            where("action = ?", filter.action().name());
        }
        if (filter.outcome() != null) {
            where("outcome = ?", filter.outcome().name());
        }
        if (filter.text() != null) {
            TextMatch match = TextMatch.of("details_text", filter.text());
            where(match.condition(), match.parameter());
        }
        if (filter.correlationId() != null) {
            where("correlation_id = ?", filter.correlationId());
        }
        if (after != null) {
            conditions.add("(occurred_at, id) < (?, ?)");
            parameters.add(utc(after.occurredAt()));
            parameters.add(after.id());
        }
    }

    static AuditQuery of(AuditFilter filter, @Nullable AuditCursor after) {
        return new AuditQuery(filter, after);
    }

    /** {@code SELECT columns … ORDER BY occurred_at DESC, id DESC}, with {@code LIMIT ?} when asked. */
    String sql(String columns, boolean limited) {
        return "SELECT " + columns + " FROM audit_entry"
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " ORDER BY occurred_at DESC, id DESC" + (limited ? " LIMIT ?" : "");
    }

    /** The filter's conditions joined with AND, {@code true} for none (its parameters: {@link #parameters}). */
    String conditions() {
        return conditions.isEmpty() ? "true" : String.join(" AND ", conditions);
    }

    Object[] parameters(Object... more) {
        List<Object> all = new ArrayList<>(parameters);
        all.addAll(List.of(more));
        return all.toArray();
    }

    static AuditEntry entry(ResultSet row) throws SQLException {
        return new AuditEntry(row.getLong("id"), row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                row.getString("actor"), row.getString("actor_role"), row.getString("client_address"),
                row.getString("action"), row.getString("account_id"), AuditOutcome.valueOf(row.getString("outcome")),
                row.getString("details_text"), row.getObject("correlation_id", UUID.class),
                row.getString("prev_hash"), row.getString("hash"));
    }

    static OffsetDateTime utc(java.time.Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private void where(String condition, Object parameter) {
        conditions.add(condition);
        parameters.add(parameter);
    }
}
