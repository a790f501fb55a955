package com.closureconsole.notification;

import java.sql.Timestamp;
import java.time.Clock;

import com.closureconsole.account.AccountLifecycle;
import com.closureconsole.account.Masking;
import com.closureconsole.closure.ClosureFinished;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues the customer's notification in the same transaction that decided the closure: email when
 * the account has one, SMS otherwise. A rolled-back decision queues nothing.
 */
@Component
class NotificationOutbox {

    private final JdbcTemplate jdbc;
    private final AccountLifecycle accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NotificationOutbox(JdbcTemplate jdbc, AccountLifecycle accounts, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ClosureFinished finished) {
        AccountLifecycle.Contact contact = accounts.contact(finished.accountId())
                .orElseThrow(() -> new IllegalStateException("no account " + finished.accountId()));
        Channel channel = contact.hasEmail() ? Channel.EMAIL : Channel.SMS;
        String recipient = channel == Channel.EMAIL ? contact.email() : contact.phone();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                INSERT INTO notification (closure_request_id, account_id, channel, recipient, template, status,
                                          next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, 'QUEUED', ?, ?)""",
                finished.requestId(), finished.accountId(), channel.name(), recipient,
                "CLOSURE_" + finished.state().name(), now, now);
        events.publishEvent(new NotificationQueued(finished.requestId(), finished.accountId(), channel,
                channel == Channel.EMAIL ? Masking.email(recipient) : Masking.phone(recipient),
                "CLOSURE_" + finished.state().name()));
    }
}
