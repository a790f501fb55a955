package com.closureconsole.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;

import com.closureconsole.account.Masking;
import com.closureconsole.audit.AuditAction;
import com.closureconsole.audit.AuditEvent;
import com.closureconsole.audit.AuditOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued notifications. Each pass claims due rows with {@code FOR UPDATE SKIP LOCKED} (safe
 * on several nodes), sends each through its channel, and records the outcome: SENT, or a retry
 * after an exponentially growing pause, or FAILED after the last attempt.
 */
@Component
public class NotificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final int BATCH = 20;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Map<Channel, MessageSender> senders;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration firstRetry;

    NotificationDispatcher(JdbcTemplate jdbc, TransactionTemplate transactions, List<MessageSender> senders,
                           ApplicationEventPublisher events, Clock clock,
                           @Value("${closure.notification.max-attempts:5}") int maxAttempts,
                           @Value("${closure.notification.first-retry:30s}") Duration firstRetry) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.senders = new java.util.EnumMap<>(Channel.class);
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.events = events;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
    }

    /** The pause before attempt {@code attempt + 1}: the first retry, doubled each time. */
    static Duration backoff(Duration firstRetry, int attemptsSoFar) {
        return firstRetry.multipliedBy(1L << Math.min(Math.max(attemptsSoFar - 1, 0), 16));
    }

    /** One pass over what is due; answers how many notifications were handled. */
    @Scheduled(fixedDelayString = "${closure.notification.dispatch-interval:5s}")
    public int dispatchDue() {
        Integer handled = transactions.execute(status -> {
            record Due(long id, UUID requestId, String accountId, Channel channel, String recipient, String template,
                       String locale, int attempts) {
            }
            List<Due> due = jdbc.query("""
                    SELECT id, closure_request_id, account_id, channel, recipient, template, locale, attempts
                      FROM notification WHERE status = 'QUEUED' AND next_attempt_at <= ?
                     ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED""",
                    (rs, i) -> new Due(rs.getLong("id"), rs.getObject("closure_request_id", UUID.class),
                            rs.getString("account_id"), Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                            rs.getString("template"), rs.getString("locale"), rs.getInt("attempts")),
                    Timestamp.from(clock.instant()), BATCH);
            for (Due n : due) {
                Instant now = clock.instant();
                int attempt = n.attempts() + 1;
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("channel", n.channel().name());
                details.put("recipient", n.channel() == Channel.EMAIL ? Masking.email(n.recipient()) : Masking.phone(n.recipient()));
                details.put("attempt", attempt);
                try {
                    senders.get(n.channel()).send(message(n.channel(), n.recipient(), n.template(), n.locale()));
                    jdbc.update("UPDATE notification SET status = 'SENT', attempts = ?, sent_at = ?, last_error = NULL WHERE id = ?",
                            attempt, Timestamp.from(now), n.id());
                    events.publishEvent(new AuditEvent(AuditAction.NOTIFICATION_DELIVERY, n.accountId(), AuditOutcome.SUCCESS,
                            details, n.requestId()));
                } catch (Exception e) {
                    boolean last = attempt >= maxAttempts;
                    log.warn("Notification {} attempt {} failed{}: {}", n.id(), attempt, last ? " (giving up)" : "", e.toString());
                    jdbc.update("UPDATE notification SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                            last ? "FAILED" : "QUEUED", attempt, Timestamp.from(now.plus(backoff(firstRetry, attempt))),
                            abbreviate(e.toString()), n.id());
                    details.put("error", abbreviate(e.toString()));
                    details.put("willRetry", !last);
                    events.publishEvent(new AuditEvent(AuditAction.NOTIFICATION_DELIVERY, n.accountId(), AuditOutcome.FAILURE,
                            details, n.requestId()));
                }
            }
            return due.size();
        });
        return handled == null ? 0 : handled;
    }

    /** The customer's message in their language, from the same translation bundles as the console. */
    static Message message(Channel channel, String recipient, String template, String locale) {
        ResourceBundle texts = ResourceBundle.getBundle("i18n/messages", Locale.forLanguageTag(locale.replace('_', '-')),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Message(channel, recipient, texts.getString("notification." + template + ".subject"),
                texts.getString("notification." + template + ".body"));
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }
}
