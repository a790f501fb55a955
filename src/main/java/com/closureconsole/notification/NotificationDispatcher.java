package com.closureconsole.notification;

import java.lang.management.ManagementFactory;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;

import com.closureconsole.shared.Masking;
import com.closureconsole.audit.ErrorCodes;
import com.closureconsole.closure.ClosureState;
import com.closureconsole.closure.TaobaoOutcome;
import com.closureconsole.notification.NotificationLeases.Claimed;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued notifications without holding any database lock while a channel is called. Each
 * message is claimed with a lease in a statement of its own ({@link NotificationLeases}), sent
 * outside any transaction, and its result (SENT, or a retry after a pause that doubles each time,
 * or FAILED after the last attempt) recorded with its audit entry in a short transaction of its
 * own. A hung mail server thus holds up only this pass: no closure, search or other node waits
 * for it, and another node takes the message over when the lease runs out. A channel that fails
 * is not tried again in the same pass, so a dead server costs one time-out per pass. When the
 * result cannot be recorded (the database is restarting), recording is tried again, with pauses,
 * for as long as the lease lasts: a message already sent is not sent again after a short outage.
 */
@Component
class NotificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    static final int BATCH = 20;

    private final NotificationLeases leases;
    private final Map<Channel, MessageSender> senders = new EnumMap<>(Channel.class);
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration firstRetry;
    private final Duration lease;
    private final String node;

    NotificationDispatcher(NotificationLeases leases, List<MessageSender> senders, TransactionTemplate transactions,
                           ApplicationEventPublisher events, Clock clock,
                           @Value("${closure.notification.max-attempts:5}") int maxAttempts,
                           @Value("${closure.notification.first-retry:30s}") Duration firstRetry,
                           @Value("${closure.notification.lease:2m}") Duration lease) {
        this.leases = leases;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
        this.lease = lease;
        String name = ManagementFactory.getRuntimeMXBean().getName();
        this.node = name.length() <= 27 ? name : name.substring(0, 27);
    }

    /** The pause before attempt {@code attempt + 1}: the first retry, doubled each time. */
    static Duration backoff(Duration firstRetry, int attemptsSoFar) {
        return firstRetry.multipliedBy(1L << Math.min(Math.max(attemptsSoFar - 1, 0), 16));
    }

    /** One pass over what is due; answers how many notifications were handled. */
    @Scheduled(fixedDelayString = "${closure.notification.dispatch-interval:5s}")
    public int dispatchDue() {
        String token = node + "/" + UUID.randomUUID();
        Set<Channel> failing = EnumSet.noneOf(Channel.class);
        int handled = 0;
        while (handled < BATCH) {
            Instant claimedAt = clock.instant();
            Optional<Claimed> claimed = leases.claim(token, failing, claimedAt, lease);
            if (claimed.isEmpty()) {
                break;
            }
            // Recording the result stops trying a little before the lease ends and another node may take over.
            if (!deliver(claimed.get(), claimedAt.plus(lease.multipliedBy(9).dividedBy(10)))) {
                failing.add(claimed.get().channel());
            }
            handled++;
        }
        return handled;
    }

    /** Sends one claimed notification, outside any transaction, and records how it went; false when it failed. */
    private boolean deliver(Claimed n, Instant recordBefore) {
        Message message = message(n);
        try {
            Objects.requireNonNull(senders.get(n.channel()), "a sender for every channel").send(message);
        } catch (Exception e) {
            String error = errorCode(e);
            log.warn("Notification {} attempt {} failed: {}", n.id(), n.attempt(), error, e);
            record(n, error, recordBefore);
            return false;
        }
        record(n, null, recordBefore);
        return true;
    }

    /** The result and its audit entry, in one short transaction; tried again until {@code recordBefore}. */
    private void record(Claimed n, @Nullable String error, Instant recordBefore) {
        Instant now = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("channel", n.channel().name());
        details.put("recipient", n.channel() == Channel.EMAIL ? Masking.email(n.recipient()) : Masking.phone(n.recipient()));
        details.put("attempt", n.attempt());
        details.put("messageId", Message.keyOf(n.id(), n.resends()));
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> {
                    if (error == null) {
                        details.put("leaseLost", !leases.sent(n, now));
                    } else {
                        Optional<String> state = leases.failed(n, error, now.plus(backoff(firstRetry, n.attempt())), maxAttempts);
                        details.put("error", error);
                        details.put("willRetry", state.map("QUEUED"::equals).orElse(true));
                        details.put("leaseLost", state.isEmpty());
                    }
                    if (Boolean.TRUE.equals(details.get("leaseLost"))) {
                        log.warn("Notification {}: the lease ran out and was taken over; its result is not recorded", n.id());
                    }
                    events.publishEvent(new DeliveryAttempted(n.requestId(), n.accountId(), error == null, details));
                });
                return;
            } catch (RuntimeException e) {
                Duration pause = Duration.ofMillis(Math.min(4000, 250L << Math.min(attempt - 1, 4)));
                if (clock.instant().plus(pause).isAfter(recordBefore) || !pause(pause)) {
                    // The lease runs out and the message is sent again, with the same id.
                    log.error("Could not record the result of notification {}; it will be sent again", n.id(), e);
                    return;
                }
                log.warn("Could not record the result of notification {} (try {}): {}; trying again in {} ms",
                        n.id(), attempt, errorCode(e), pause.toMillis());
            }
        }
    }

    private static boolean pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while waiting to record a notification's result", e);
            return false;
        }
    }

    /**
     * The customer's message of a claimed notification, with the key of this sending. A message
     * whose text was fixed when it was queued (a customer's checklist) is sent as it is.
     */
    static Message message(Claimed n) {
        String key = Message.keyOf(n.id(), n.resends());
        if (n.body() != null) {
            // A notification has its own subject exactly when it has its own body (notification_text_complete).
            return new Message(n.channel(), n.recipient(), Objects.requireNonNull(n.subject(), "its own subject"),
                    n.body(), key);
        }
        return message(n.channel(), n.recipient(), n.template(), n.taobaoOutcome(), n.locale(), key);
    }

    /**
     * The customer's message in their language, from the same translation bundles as the console.
     * A closure's message also says what became of a linked Taobao account: closed with the wallet
     * account or unbound from it when the closure completed, untouched when it did not.
     */
    static Message message(Channel channel, String recipient, String template, @Nullable String taobaoOutcome,
                           String locale, String key) {
        ResourceBundle texts = ResourceBundle.getBundle("i18n/messages", Locale.forLanguageTag(locale.replace('_', '-')),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String body = texts.getString("notification." + template + ".body");
        String taobao = taobaoSentence(template, taobaoOutcome);
        if (taobao != null) {
            body = new MessageFormat(texts.getString("notification.withTaobao"), texts.getLocale())
                    .format(new Object[] {body, texts.getString(taobao)});
        }
        return new Message(channel, recipient, texts.getString("notification." + template + ".subject"), body, key);
    }

    /** The key of the sentence about the linked Taobao account, or null when none is linked. */
    static @Nullable String taobaoSentence(String template, @Nullable String taobaoOutcome) {
        if (taobaoOutcome == null || TaobaoOutcome.valueOf(taobaoOutcome) == TaobaoOutcome.NONE) {
            return null;
        }
        if (!("CLOSURE_" + ClosureState.COMPLETED.name()).equals(template)) {
            return "notification.taobao.UNCHANGED";
        }
        return "notification.taobao." + taobaoOutcome;
    }

    /** The failure as a code, never a message (an SMTP error may quote the address). */
    static String errorCode(Throwable failure) {
        return ErrorCodes.of(failure);
    }
}
