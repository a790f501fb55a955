package com.closureconsole.closure;

import org.jspecify.annotations.Nullable;

/** How a submission ended: a request exists, or nothing was persisted and here is why. */
public sealed interface SubmissionResult {

    /** The request was made (or, for a retried idempotency key, had already been made). */
    record Submitted(ClosureRequestView request, boolean replayed) implements SubmissionResult {
    }

    /**
     * Nothing was persisted, for {@code reason}; the refusal is audited. {@code report} is the
     * second check's, present when the reason is {@link Refusal#NOT_ELIGIBLE} or
     * {@link Refusal#ALREADY_IN_PROGRESS}, else {@code null}. {@code competing} is the closure of
     * the account that won: in flight or completed when this one was refused because the account
     * is closing or closed, or because another closure is in flight; else {@code null}.
     */
    record Refused(Refusal reason, @Nullable EligibilityReport report, @Nullable ClosureRequestView competing)
            implements SubmissionResult {

        public Refused(Refusal reason, @Nullable EligibilityReport report) {
            this(reason, report, null);
        }
    }

    /** Why a submission was refused. */
    enum Refusal {
        /** The second check found a pre-check or a condition that blocks. */
        NOT_ELIGIBLE,
        /** Another closure of the account is in flight. */
        ALREADY_IN_PROGRESS,
        /** The flow id, idempotency key, account or reason is missing. */
        INCOMPLETE,
        /** No passed identity verification is recorded for this flow, account and agent. */
        IDENTITY_NOT_VERIFIED,
        /** The recorded verification used another method than the account type requires. */
        WRONG_VERIFICATION_METHOD,
        /** The customer's acceptance of what is given up is not recorded for this flow. */
        GIVE_UP_NOT_CONFIRMED,
        /** The customer accepted an older version of the text than the current one. */
        CONFIRMATION_OUTDATED,
        /** The reason {@code OTHER} needs a text. */
        REASON_TEXT_REQUIRED,
        /** The reason text is longer than {@value ClosureReason#MAX_TEXT} characters. */
        REASON_TEXT_TOO_LONG
    }
}
