/**
 * Telling the customer the result of their closure: an outbox row written in the deciding
 * transaction ({@link com.closureconsole.notification.NotificationOutbox}), then a dispatcher that
 * sends by email, or by SMS when the account has no email, with retries and backoff, recording each
 * delivery's status ({@link com.closureconsole.notification.NotificationDispatcher}).
 */
package com.closureconsole.notification;
