/**
 * The customer's checklist: from the account view an agent sends the customer, by email or else
 * SMS and in the customer's language, the list of what blocks closure, each blocker with what to
 * do about it and when it lifts by itself ({@link com.closureconsole.checklist.CustomerChecklists}).
 * The agent previews exactly what the customer will receive; sending checks the account again
 * under its row lock, refuses a message that changed since the preview, enforces the daily limit
 * per account ({@code closure.checklist.daily-limit}, 3 by default, over the last 24 hours), and
 * queues the message in the notification outbox in the same transaction as its audit entry. The
 * wording is built from the same translation bundles as the console
 * ({@link com.closureconsole.checklist.ChecklistWording}); delivery, retries and its status are the
 * notification module's.
 */
@NullMarked
package com.closureconsole.checklist;

import org.jspecify.annotations.NullMarked;
