package com.closureconsole.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.closureconsole.audit.AuditOutcome;
import com.closureconsole.audit.Audited;
import org.jspecify.annotations.Nullable;

/**
 * A supervisor queued a notification that had failed for good again, with its attempts counted afresh.
 *
 * @param maskedRecipient the email address or phone number, masked
 * @param resend          how many times it has been resent, this time included
 * @param messageId       the stable id of the message as it is sent now
 */
public record NotificationResent(long notificationId, @Nullable UUID requestId, String accountId, Channel channel,
                                 String maskedRecipient, int resend, String messageId) implements Audited {

    @Override
    public NotificationAction action() {
        return NotificationAction.NOTIFICATION_RESEND;
    }

    @Override
    public AuditOutcome outcome() {
        return AuditOutcome.SUCCESS;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("notificationId", notificationId);
        details.put("channel", channel.name());
        details.put("recipient", maskedRecipient);
        details.put("resend", resend);
        details.put("messageId", messageId);
        return details;
    }

    @Override
    public @Nullable UUID correlationId() {
        return requestId;
    }
}
