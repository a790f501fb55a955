/**
 * Telling the customer the result of their closure: an outbox row written in the deciding
 * transaction ({@link com.closureconsole.notification.NotificationOutbox}; it copies the customer's
 * contact from the account row in the same insert, so no method hands the full contact out), then a
 * dispatcher that sends by email, or by SMS when the account has no email, with retries and
 * backoff, recording each
 * delivery's status ({@link com.closureconsole.notification.NotificationDispatcher}). No database
 * lock is held while a mail server or SMS gateway is called: a message is claimed with a lease,
 * sent outside any transaction, and its result recorded in a short transaction of its own. Every
 * message carries a stable id ({@link com.closureconsole.notification.Message#idempotencyKey()}:
 * the email's Message-ID, the SMS gateway's idempotency key), so one sent again after a crash is
 * recognisable. Supervisors see the notifications that failed for good and send them again
 * ({@link com.closureconsole.notification.UndeliveredNotifications}). Messages whose text another module
 * wrote (the customer's checklist) are queued with that text fixed and delivered the same way
 * ({@link com.closureconsole.notification.CustomerMessages}).
 *
 * <p><b>Owns</b> the notifications ({@code notification}) and the messages recorded without a
 * gateway ({@code sent_message}). <b>API:</b> {@link com.closureconsole.notification.Deliveries} and
 * {@link com.closureconsole.notification.UndeliveredNotifications} for the views,
 * {@link com.closureconsole.notification.CustomerMessages} for the checklist, and
 * {@link com.closureconsole.notification.SmsSender}, which an SMS gateway implements as a bean.
 * It reacts to {@link com.closureconsole.closure.ClosureFinished}. <b>Uses</b> {@code account},
 * {@code audit} and {@code closure}; <b>used by</b> {@code checklist} and {@code ui}.
 */
@NullMarked
package com.closureconsole.notification;

import org.jspecify.annotations.NullMarked;
