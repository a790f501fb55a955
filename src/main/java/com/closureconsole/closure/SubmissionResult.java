package com.closureconsole.closure;

/** How a submission ended: a request exists, or nothing was persisted and here is why. */
public sealed interface SubmissionResult {

    /** The request was made (or, for a retried idempotency key, had already been made). */
    record Submitted(ClosureRequestView request, boolean replayed) implements SubmissionResult {
    }

    /** The second check found a reason not to close; nothing was persisted. */
    record Refused(EligibilityReport report) implements SubmissionResult {
    }
}
