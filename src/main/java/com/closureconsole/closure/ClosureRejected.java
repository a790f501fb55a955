package com.closureconsole.closure;

import java.util.Map;
import java.util.UUID;

import com.closureconsole.audit.AuditOutcome;

/**
 * A supervisor rejected a closure request.
 *
 * @param maskedReason why, masked
 */
public record ClosureRejected(UUID requestId, String accountId, ClosureState state, String maskedReason)
        implements ClosureRequestFact {

    @Override
    public ClosureAction action() {
        return ClosureAction.CLOSURE_REJECT;
    }

    @Override
    public AuditOutcome outcome() {
        return AuditOutcome.SUCCESS;
    }

    @Override
    public Map<String, Object> figures() {
        return Map.of("reason", maskedReason);
    }
}
