package com.closureconsole.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import com.closureconsole.closure.ClosureFinished;
import com.closureconsole.shared.Masking;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues the customer's notification in the same transaction that decided the closure: email when
 * the account has one, SMS otherwise, in the customer's language. A rolled-back decision queues
 * nothing. The customer's full contact is read from the account row by the insert of the outbox
 * row itself, so no Java API hands it out (the reveal of personal data, audited, is the only other
 * way to it).
 */
@Component
class NotificationOutbox {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NotificationOutbox(JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ClosureFinished finished) {
        Timestamp now = Timestamp.from(clock.instant());
        record Queued(Channel channel, String recipient) {
        }
        // The contact goes from the account row straight into the outbox row: no API hands it out.
        List<Queued> queued = jdbc.query("""
                INSERT INTO notification (closure_request_id, account_id, channel, recipient, template, locale, status,
                                          next_attempt_at, created_at)
                SELECT CAST(? AS uuid), a.id, c.channel, CASE c.channel WHEN 'EMAIL' THEN a.email ELSE a.phone END,
                       CAST(? AS text), a.locale, 'QUEUED', CAST(? AS timestamptz), CAST(? AS timestamptz)
                  FROM account a
                 CROSS JOIN LATERAL (SELECT CASE WHEN btrim(coalesce(a.email, '')) <> '' THEN 'EMAIL' ELSE 'SMS' END
                                            AS channel) c
                 WHERE a.id = ?
                RETURNING channel, recipient""",
                (rs, i) -> new Queued(Channel.valueOf(rs.getString("channel")), rs.getString("recipient")),
                finished.requestId(), "CLOSURE_" + finished.state().name(), now, now, finished.accountId());
        if (queued.isEmpty()) {
            throw new IllegalStateException("no account " + finished.accountId());
        }
        Channel channel = queued.get(0).channel();
        String recipient = queued.get(0).recipient();
        events.publishEvent(new NotificationQueued(finished.requestId(), finished.accountId(), channel,
                channel == Channel.EMAIL ? Masking.email(recipient) : Masking.phone(recipient),
                "CLOSURE_" + finished.state().name()));
    }
}
