package com.closureconsole.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification rows as the dispatcher leases them. A claim is one statement, committed at
 * once: it marks the oldest due row with the claimer's token and a lease end, and counts the
 * attempt. Recording the result changes the row only while the token is still the claimer's,
 * so a node whose lease ran out and was taken over overwrites nothing.
 */
@Component
class NotificationLeases {

    /**
     * A claimed notification, with the token that owns its lease.
     *
     * @param taobaoOutcome what the closure request decided for a linked Taobao account (a
     *                      {@code TaobaoOutcome} name), read from the request when the message is
     *                      claimed; {@code null} when the notification belongs to no request
     */
    record Claimed(long id, @Nullable UUID requestId, String accountId, Channel channel, String recipient,
                   String template, @Nullable String taobaoOutcome, String locale, int attempt, int resends,
                   String token, @Nullable String subject, @Nullable String body) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    NotificationLeases(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the oldest due notification of a channel not in {@code skipped}, in a transaction of its own. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<Claimed> claim(String token, Collection<Channel> skipped, Instant now, Duration lease) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("token", token)
                .addValue("until", Timestamp.from(now.plus(lease)))
                .addValue("now", Timestamp.from(now))
                .addValue("skipped", skipped.stream().map(Channel::name).toArray(String[]::new));
        return jdbc.query("""
                UPDATE notification SET lease_owner = :token, lease_until = :until, attempts = attempts + 1
                 WHERE id = (SELECT id FROM notification
                              WHERE status = 'QUEUED' AND next_attempt_at <= :now
                                AND (lease_until IS NULL OR lease_until <= :now)
                                AND NOT (channel = ANY (CAST(:skipped AS varchar[])))
                              ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id, closure_request_id, account_id, channel, recipient, template, locale, attempts, resends,
                          subject, body,
                          (SELECT r.taobao_outcome FROM closure_request r
                            WHERE r.id = notification.closure_request_id) AS taobao_outcome""",
                params, (rs, i) -> new Claimed(rs.getLong("id"), rs.getObject("closure_request_id", UUID.class),
                        rs.getString("account_id"), Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                        rs.getString("template"), rs.getString("taobao_outcome"), rs.getString("locale"),
                        rs.getInt("attempts"), rs.getInt("resends"), token, rs.getString("subject"),
                        rs.getString("body"))).stream().findFirst();
    }

    /** Records the delivery; false when the lease was taken over meanwhile and nothing was changed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean sent(Claimed claimed, Instant at) {
        return jdbc.update("""
                UPDATE notification SET status = 'SENT', sent_at = :at, last_error = NULL, lease_owner = NULL, lease_until = NULL
                 WHERE id = :id AND lease_owner = :token""",
                Map.of("at", Timestamp.from(at), "id", claimed.id(), "token", claimed.token())) == 1;
    }

    /**
     * Records a failed attempt: due again at {@code retryAt}, or FAILED after {@code maxAttempts};
     * answers the new status, or empty when the lease was taken over meanwhile.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> failed(Claimed claimed, String error, Instant retryAt, int maxAttempts) {
        return jdbc.queryForList("""
                UPDATE notification SET status = CASE WHEN attempts >= :max THEN 'FAILED' ELSE 'QUEUED' END,
                       next_attempt_at = :retryAt, last_error = :error, lease_owner = NULL, lease_until = NULL
                 WHERE id = :id AND lease_owner = :token
                RETURNING status""",
                Map.of("max", maxAttempts, "retryAt", Timestamp.from(retryAt), "error", error, "id", claimed.id(),
                        "token", claimed.token()), String.class).stream().findFirst();
    }
}
