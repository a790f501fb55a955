package com.closureconsole.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.closureconsole.audit.AuditOutcome;
import com.closureconsole.audit.Audited;
import org.jspecify.annotations.Nullable;

/**
 * One attempt to deliver a customer notification ended: sent, or failed with {@code error}.
 *
 * @param result the channel, masked recipient, attempt number and message id, then what the
 *               attempt found ({@code leaseLost}; for a failure {@code error} and {@code willRetry})
 */
public record DeliveryAttempted(@Nullable UUID requestId, String accountId, boolean sent, Map<String, Object> result)
        implements Audited {

    public DeliveryAttempted {
        result = new LinkedHashMap<>(result);
    }

    @Override
    public NotificationAction action() {
        return NotificationAction.NOTIFICATION_DELIVERY;
    }

    @Override
    public AuditOutcome outcome() {
        return sent ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE;
    }

    @Override
    public Map<String, Object> details() {
        return result;
    }

    /** Channel, {@code EMAIL} or {@code SMS}. */
    public Channel channel() {
        return Channel.valueOf((String) Objects.requireNonNull(result.get("channel"), "every attempt names it"));
    }

    /** The attempt number, from 1. */
    public int attempt() {
        return (Integer) Objects.requireNonNull(result.get("attempt"), "every attempt is numbered");
    }

    /** Whether a failed attempt is tried again (false after the last one). */
    public boolean willRetry() {
        return !Boolean.FALSE.equals(result.get("willRetry"));
    }

    @Override
    public @Nullable UUID correlationId() {
        return requestId;
    }
}
