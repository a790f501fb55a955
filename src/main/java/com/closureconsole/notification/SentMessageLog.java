package com.closureconsole.notification;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The record the recording senders keep of what they sent. Like a gateway that honours
 * idempotency keys, it keeps a message handed over twice with the same key once.
 */
@Component
class SentMessageLog {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SentMessageLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(Message message) {
        jdbc.update("""
                INSERT INTO sent_message (channel, recipient, subject, body, sent_at, idempotency_key)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING""",
                message.channel().name(), message.recipient(), message.subject(), message.body(),
                Timestamp.from(clock.instant()), message.idempotencyKey());
    }
}
