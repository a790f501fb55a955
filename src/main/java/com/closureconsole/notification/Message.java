package com.closureconsole.notification;

/**
 * One message to send.
 *
 * @param idempotencyKey the message's stable id: the same for every attempt to send one
 *                       notification, so a resend after a crash is recognisable (the email's
 *                       Message-ID is made from it; an SMS gateway gets it as its idempotency key);
 *                       a supervisor's deliberate resend gets a new one
 */
public record Message(Channel channel, String recipient, String subject, String body, String idempotencyKey) {

    /** The key of a notification's message: {@code notification-42}, or {@code notification-42-resend-1}. */
    static String keyOf(long notificationId, int resends) {
        return "notification-" + notificationId + (resends > 0 ? "-resend-" + resends : "");
    }

    /** The email's Message-ID header, e.g. {@code <notification-42@closure-console>}. */
    public String emailMessageId() {
        return "<" + idempotencyKey + "@closure-console>";
    }
}
