package com.closureconsole.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import com.closureconsole.shared.Masking;
import org.jspecify.annotations.Nullable;
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
    public record Status(long notificationId, String status, int attempts, @Nullable Instant sentAt,
                         Instant nextAttemptAt, @Nullable String lastError) {
    }

    /**
     * Where a message to the customer would go: by email when the account has one, else by SMS,
     * in the customer's language. The address itself never leaves this module (it is copied from
     * the account row into the outbox row by {@link #queue}); callers see it masked, and a
     * fingerprint tells them whether it changed.
     *
     * @param channel         email, or SMS when there is no email; {@code null} when neither exists
     * @param maskedRecipient the address or number, masked, or {@code null}
     * @param locale          the customer's language ({@code zh_CN} or {@code en})
     * @param fingerprint     SHA-256 of the full address, hex, or {@code null}
     */
    public record Destination(@Nullable Channel channel, @Nullable String maskedRecipient, String locale,
                              @Nullable String fingerprint) {
        public boolean reachable() {
            return channel != null;
        }
    }

    private static final String CHANNEL = """
            CASE WHEN btrim(coalesce(a.email, '')) <> '' THEN 'EMAIL'
                 WHEN btrim(coalesce(a.phone, '')) <> '' THEN 'SMS' END""";

    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerMessages(NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Where a message to the account's customer would go now; empty when there is no such account. */
    @Transactional(readOnly = true)
    public Optional<Destination> destination(String accountId) {
        return jdbc.query("SELECT " + CHANNEL + " AS channel, a.email, a.phone, a.locale FROM account a WHERE a.id = :id",
                Map.of("id", accountId), (rs, i) -> {
                    String channel = rs.getString("channel");
                    if (channel == null) {
                        return new Destination(null, null, rs.getString("locale"), null);
                    }
                    String recipient = "EMAIL".equals(channel) ? rs.getString("email") : rs.getString("phone");
                    return new Destination(Channel.valueOf(channel),
                            "EMAIL".equals(channel) ? Masking.email(recipient) : Masking.phone(recipient),
                            rs.getString("locale"), fingerprint(recipient));
                }).stream().findFirst();
    }

    /**
     * Queues a message, due now, to the account's {@link #destination} on {@code channel}, in the
     * caller's transaction (a rolled-back caller queues nothing), and audits it as queued; answers
     * the notification's id, from which the message's stable id is made ({@link #messageIdOf}).
     * The address is copied from the account row by the insert itself.
     *
     * @param template      what kind of message it is, for the record (e.g. {@code CHECKLIST})
     * @param correlationId ties the audit entry to the action that sent the message, or {@code null}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long queue(String accountId, Channel channel, String locale, String template,
                      String subject, String body, @Nullable UUID correlationId) {
        Timestamp now = Timestamp.from(clock.instant());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        int rows = jdbc.update("""
                INSERT INTO notification (account_id, channel, recipient, template, locale, status, subject, body,
                                          next_attempt_at, created_at)
                SELECT a.id, :channel, CASE :channel WHEN 'EMAIL' THEN a.email ELSE a.phone END, :template, :locale,
                       'QUEUED', :subject, :body, :now, :now
                  FROM account a
                 WHERE a.id = :account AND (""" + CHANNEL + ") = :channel",
                new MapSqlParameterSource().addValue("account", accountId).addValue("channel", channel.name())
                        .addValue("template", template).addValue("locale", locale)
                        .addValue("subject", subject).addValue("body", body).addValue("now", now),
                key, new String[] {"id", "recipient"});
        if (rows != 1) {
            throw new IllegalStateException("account " + Masking.freeText(accountId) + " cannot be reached by " + channel);
        }
        long id = ((Number) Objects.requireNonNull(key.getKeys().get("id"), "the inserted row's id")).longValue();
        String recipient = (String) key.getKeys().get("recipient");
        events.publishEvent(new NotificationQueued(correlationId, accountId, channel,
                channel == Channel.EMAIL ? Masking.email(recipient) : Masking.phone(recipient), template, id));
        return id;
    }

    private static String fingerprint(String recipient) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(recipient.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
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
