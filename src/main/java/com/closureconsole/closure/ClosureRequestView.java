package com.closureconsole.closure;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A closure request as views and other modules see it. */
public record ClosureRequestView(UUID id, String accountId, ClosureState state, String initiatedBy,
                                 VerificationMethod verificationMethod, String confirmationVersion,
                                 ClosureReason reasonCode, @Nullable String reasonText, TaobaoOutcome taobaoOutcome,
                                 Instant submittedAt, @Nullable Instant dueAt, @Nullable String decidedBy,
                                 @Nullable String decisionReason, @Nullable Instant finishedAt,
                                 @Nullable String failureReason) {

    /** Why a request cooling off has a due time: the move to cooling-off sets it. */
    static final String COOLING_OFF_HAS_DUE_TIME = "a request cooling off has a due time";

    /** An agent may still cancel: while it awaits approval, or within its cooling-off window. */
    public boolean cancellableAt(Instant now) {
        return state == ClosureState.AWAITING_APPROVAL || state == ClosureState.COOLING_OFF
                && Objects.requireNonNull(dueAt, COOLING_OFF_HAS_DUE_TIME).isAfter(now);
    }
}
