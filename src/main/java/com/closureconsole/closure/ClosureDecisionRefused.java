package com.closureconsole.closure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.closureconsole.audit.AttemptRefused;
import com.closureconsole.audit.AuditOutcome;
import org.jspecify.annotations.Nullable;

/**
 * An approval, rejection or cancellation was refused; nothing changed. Recorded on its own.
 *
 * @param decision  what was asked
 * @param requestId the closure request asked for, or {@code null}
 * @param accountId its account, or {@code null} when there is no such request
 * @param state     its state, or {@code null} when there is no such request
 * @param reason    why it was refused
 */
public record ClosureDecisionRefused(Decision decision, @Nullable UUID requestId, @Nullable String accountId,
                                     @Nullable ClosureState state,
                                     DecisionResult.Refusal reason) implements AttemptRefused {

    /** The decisions on a closure request. */
    public enum Decision {
        APPROVE(ClosureAction.CLOSURE_APPROVE),
        REJECT(ClosureAction.CLOSURE_REJECT),
        CANCEL(ClosureAction.CLOSURE_CANCEL);

        private final ClosureAction action;

        Decision(ClosureAction action) {
            this.action = action;
        }
    }

    static ClosureDecisionRefused of(Decision decision, DecisionResult.Refused refused) {
        ClosureRequestView request = refused.request();
        return new ClosureDecisionRefused(decision, refused.requestId(), request == null ? null : request.accountId(),
                request == null ? null : request.state(), refused.reason());
    }

    @Override
    public ClosureAction action() {
        return decision.action;
    }

    /** {@code DENIED} for maker-checker (an initiator approving their own closure), else {@code FAILURE}. */
    @Override
    public AuditOutcome outcome() {
        return reason == DecisionResult.Refusal.SELF_APPROVAL ? AuditOutcome.DENIED : AuditOutcome.FAILURE;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requestId", requestId == null ? null : requestId.toString());
        details.put("refused", reason.name());
        if (state != null) {
            details.put("state", state.name());
        }
        return details;
    }

    @Override
    public @Nullable UUID correlationId() {
        return requestId;
    }
}
