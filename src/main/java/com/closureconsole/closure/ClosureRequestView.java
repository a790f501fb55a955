package com.closureconsole.closure;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A closure request as views and other modules see it. */
public record ClosureRequestView(UUID id, String accountId, ClosureState state, String initiatedBy,
                                 VerificationMethod verificationMethod, String confirmationVersion,
                                 ClosureReason reasonCode, @Nullable String reasonText, TaobaoOutcome taobaoOutcome,
                                 Instant submittedAt, @Nullable Instant dueAt, @Nullable String decidedBy,
                                 @Nullable String decisionReason, @Nullable Instant finishedAt,
                                 @Nullable String failureReason) {

    /** An agent may still cancel: while it awaits approval, or within its cooling-off window. */
    public boolean cancellableAt(Instant now) {
        return state == ClosureState.AWAITING_APPROVAL || state == ClosureState.COOLING_OFF && dueAt.isAfter(now);
    }
}
