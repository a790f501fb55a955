package com.closureconsole.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.closureconsole.audit.AuditOutcome;
import com.closureconsole.audit.Audited;
import org.jspecify.annotations.Nullable;

/**
 * The customer's notification of a finished closure was queued, in the deciding transaction.
 *
 * @param maskedRecipient the email address or phone number, masked
 * @param template        what the message says
 * @param requestId       the closure request (or other action) the message belongs to, or {@code null}
 * @param notificationId  the outbox row, named in the entry for messages another module wrote, or {@code null}
 */
public record NotificationQueued(@Nullable UUID requestId, String accountId, Channel channel, String maskedRecipient,
                                 String template, @Nullable Long notificationId) implements Audited {

    /** A closure's notification: its entry names the request, not the outbox row. */
    public NotificationQueued(@Nullable UUID requestId, String accountId, Channel channel, String maskedRecipient,
                              String template) {
        this(requestId, accountId, channel, maskedRecipient, template, null);
    }

    @Override
    public NotificationAction action() {
        return NotificationAction.NOTIFICATION_QUEUED;
    }

    @Override
    public AuditOutcome outcome() {
        return AuditOutcome.SUCCESS;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("channel", channel.name());
        details.put("recipient", maskedRecipient);
        details.put("template", template);
        if (notificationId != null) {
            details.put("notificationId", notificationId);
        }
        return details;
    }

    @Override
    public @Nullable UUID correlationId() {
        return requestId;
    }
}
