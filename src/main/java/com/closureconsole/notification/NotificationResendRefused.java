package com.closureconsole.notification;

import java.util.LinkedHashMap;
import java.util.Map;

import com.closureconsole.audit.AuditOutcome;
import com.closureconsole.audit.Audited;
import org.jspecify.annotations.Nullable;

/** A resend was refused: the notification had not failed (another supervisor resent it first, say). */
public record NotificationResendRefused(long notificationId) implements Audited {

    @Override
    public NotificationAction action() {
        return NotificationAction.NOTIFICATION_RESEND;
    }

    @Override
    public @Nullable String accountId() {
        return null;
    }

    @Override
    public AuditOutcome outcome() {
        return AuditOutcome.FAILURE;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("notificationId", notificationId);
        details.put("refused", "NOT_FAILED");
        return details;
    }
}
