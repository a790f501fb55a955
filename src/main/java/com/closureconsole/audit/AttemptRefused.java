package com.closureconsole.audit;

/**
 * A refused or failed attempt (bad input, a skipped step, a decision too late, a failed export):
 * recorded in a transaction of its own, so the entry stays even when the attempt's own
 * transaction rolls back. Publish it like any {@link Audited} fact; the actor is the signed-in user.
 * Its outcome is {@code FAILURE}, {@code DENIED} or {@code BLOCKED}.
 */
public interface AttemptRefused extends Audited {
}
