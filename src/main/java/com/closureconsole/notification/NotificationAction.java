package com.closureconsole.notification;

import com.closureconsole.audit.AuditAction;

/** The notification module's actions, as the audit trail names them. */
public enum NotificationAction implements AuditAction {
    NOTIFICATION_QUEUED,
    NOTIFICATION_DELIVERY,
    /** A supervisor sent a notification that had failed for good again. */
    NOTIFICATION_RESEND
}
