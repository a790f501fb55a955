package com.closureconsole.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.closureconsole.account.Masking;
import com.closureconsole.audit.AuditAction;
import com.closureconsole.audit.AuditEvent;
import com.closureconsole.audit.AuditOutcome;
import org.springframework.context.ApplicationEventPublisher;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages to a customer whose text another module wrote (the customer's checklist): queued in
 * the caller's transaction with their subject and body fixed, so what was shown to the agent is
 * exactly what is sent, then delivered by the {@link NotificationDispatcher} like every other
 * notification, with its retries, leases and audited delivery; and how each one's delivery goes.
 */
@Component
public class CustomerMessages {

    /**
     * How a message's delivery goes.
     *
     * @param status        QUEUED, SENT or FAILED
     * @param nextAttemptAt when a queued message is tried next
     * @param lastError     the last failure as a code, or {@code null}
     */
    public record Status(long notificationId, String status, int attempts, Instant sentAt, Instant nextAttemptAt,
                         String lastError) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerMessages(NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Queues a message, due now, in the caller's transaction (a rolled-back caller queues
     * nothing), and audits it as queued; answers the notification's id, from which the message's
     * stable id is made ({@link #messageIdOf}).
     *
     * @param template      what kind of message it is, for the record (e.g. {@code CHECKLIST})
     * @param correlationId ties the audit entry to the action that sent the message, or {@code null}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long queue(String accountId, Channel channel, String recipient, String locale, String template,
                      String subject, String body, UUID correlationId) {
        Timestamp now = Timestamp.from(clock.instant());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO notification (account_id, channel, recipient, template, locale, status, subject, body,
                                          next_attempt_at, created_at)
                VALUES (:account, :channel, :recipient, :template, :locale, 'QUEUED', :subject, :body, :now, :now)""",
                new MapSqlParameterSource().addValue("account", accountId).addValue("channel", channel.name())
                        .addValue("recipient", recipient).addValue("template", template).addValue("locale", locale)
                        .addValue("subject", subject).addValue("body", body).addValue("now", now),
                key, new String[] {"id"});
        long id = key.getKey().longValue();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("channel", channel.name());
        details.put("recipient", channel == Channel.EMAIL ? Masking.email(recipient) : Masking.phone(recipient));
        details.put("template", template);
        details.put("notificationId", id);
        events.publishEvent(new AuditEvent(AuditAction.NOTIFICATION_QUEUED, accountId, AuditOutcome.SUCCESS, details,
                correlationId));
        return id;
    }

    /** The stable id of a queued message's first sending, e.g. {@code notification-42}. */
    public static String messageIdOf(long notificationId) {
        return Message.keyOf(notificationId, 0);
    }

    /** The delivery status of each listed notification. */
    @Transactional(readOnly = true)
    public Map<Long, Status> status(Collection<Long> notificationIds) {
        Map<Long, Status> found = new LinkedHashMap<>();
        if (notificationIds.isEmpty()) {
            return found;
        }
        jdbc.query("""
                SELECT id, status, attempts, sent_at, next_attempt_at, last_error FROM notification WHERE id = ANY(:ids)""",
                Map.of("ids", notificationIds.toArray(Long[]::new)), rs -> {
                    Timestamp sent = rs.getTimestamp("sent_at");
                    found.put(rs.getLong("id"), new Status(rs.getLong("id"), rs.getString("status"), rs.getInt("attempts"),
                            sent == null ? null : sent.toInstant(), rs.getTimestamp("next_attempt_at").toInstant(),
                            rs.getString("last_error")));
                });
        return found;
    }
}
