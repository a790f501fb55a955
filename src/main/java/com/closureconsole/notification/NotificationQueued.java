package com.closureconsole.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.closureconsole.audit.AuditOutcome;
import com.closureconsole.audit.Audited;

/**
 * The customer's notification of a finished closure was queued, in the deciding transaction.
 *
 * @param maskedRecipient the email address or phone number, masked
 * @param template        what the message says
 */
public record NotificationQueued(UUID requestId, String accountId, Channel channel, String maskedRecipient,
                                 String template) implements Audited {

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
        return details;
    }

    @Override
    public UUID correlationId() {
        return requestId;
    }
}
