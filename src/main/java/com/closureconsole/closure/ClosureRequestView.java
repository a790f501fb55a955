package com.closureconsole.closure;

import java.time.Instant;
import java.util.UUID;

/** A closure request as views and other modules see it. */
public record ClosureRequestView(UUID id, String accountId, ClosureState state, String initiatedBy,
                                 VerificationMethod verificationMethod, String confirmationVersion,
                                 ClosureReason reasonCode, String reasonText, TaobaoOutcome taobaoOutcome,
                                 Instant submittedAt, Instant dueAt, String decidedBy, String decisionReason,
                                 Instant finishedAt, String failureReason) {

    /** An agent may still cancel: while it awaits approval, or within its cooling-off window. */
    public boolean cancellableAt(Instant now) {
        return state == ClosureState.AWAITING_APPROVAL || state == ClosureState.COOLING_OFF && dueAt.isAfter(now);
    }
}
