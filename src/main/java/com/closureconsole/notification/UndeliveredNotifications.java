package com.closureconsole.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.closureconsole.shared.Masking;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notifications that failed after their last attempt, as supervisors see them, and sending
 * one again. A resend is audited and is a new message with a stable id of its own, so a gateway
 * that dropped repeats of the failed message still takes it.
 */
@Service
@PreAuthorize("hasRole('SUPERVISOR')")
public class UndeliveredNotifications {

    /** A notification that failed for good, recipient masked; {@code lastError} is a code. */
    public record Undelivered(long id, @Nullable UUID closureRequestId, String accountId, Channel channel,
                              String maskedRecipient, int attempts, int resends, @Nullable String lastError,
                              Instant createdAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UndeliveredNotifications(NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The newest FAILED notifications. */
    @Transactional(readOnly = true)
    public List<Undelivered> list(int limit) {
        return jdbc.query("""
                SELECT id, closure_request_id, account_id, channel, recipient, attempts, resends, last_error, created_at
                  FROM notification WHERE status = 'FAILED' ORDER BY created_at DESC LIMIT :limit""",
                Map.of("limit", limit), (rs, i) -> {
                    Channel channel = Channel.valueOf(rs.getString("channel"));
                    return new Undelivered(rs.getLong("id"), rs.getObject("closure_request_id", UUID.class),
                            rs.getString("account_id"), channel, mask(channel, rs.getString("recipient")),
                            rs.getInt("attempts"), rs.getInt("resends"), rs.getString("last_error"),
                            rs.getTimestamp("created_at").toInstant());
                });
    }

    /**
     * Queues a FAILED notification again, due now, with its attempts counted afresh; answers
     * false (and records the refusal) when it is not FAILED, e.g. another supervisor resent it first.
     */
    @Transactional
    public boolean resend(long notificationId) {
        record Queued(@Nullable UUID requestId, String accountId, Channel channel, String recipient, int resends) {
        }
        List<Queued> queued = jdbc.query("""
                UPDATE notification SET status = 'QUEUED', attempts = 0, resends = resends + 1, next_attempt_at = :now,
                       last_error = NULL, lease_owner = NULL, lease_until = NULL
                 WHERE id = :id AND status = 'FAILED'
                RETURNING closure_request_id, account_id, channel, recipient, resends""",
                Map.of("id", notificationId, "now", Timestamp.from(clock.instant())),
                (rs, i) -> new Queued(rs.getObject("closure_request_id", UUID.class), rs.getString("account_id"),
                        Channel.valueOf(rs.getString("channel")), rs.getString("recipient"), rs.getInt("resends")));
        if (queued.isEmpty()) {
            events.publishEvent(new NotificationResendRefused(notificationId));
            return false;
        }
        Queued q = queued.get(0);
        events.publishEvent(new NotificationResent(notificationId, q.requestId(), q.accountId(), q.channel(),
                mask(q.channel(), q.recipient()), q.resends(), Message.keyOf(notificationId, q.resends())));
        return true;
    }

    private static String mask(Channel channel, String recipient) {
        return channel == Channel.EMAIL ? Masking.email(recipient) : Masking.phone(recipient);
    }
}
