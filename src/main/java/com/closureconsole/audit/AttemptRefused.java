package com.closureconsole.audit;

/**
 * A refused or failed attempt (bad input, a skipped step, a decision too late, a failed export):
 * recorded in a transaction of its own, so the entry stays even when the attempt's own
 * transaction rolls back. Publish it like an {@link AuditEvent}; the actor is the signed-in user.
 *
 * @param entry what was attempted, with outcome {@code FAILURE}, {@code DENIED} or {@code BLOCKED}
 */
public record AttemptRefused(AuditEvent entry) {
}
