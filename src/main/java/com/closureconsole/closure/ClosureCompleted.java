package com.closureconsole.closure;

import java.util.Map;
import java.util.UUID;

import com.closureconsole.audit.AuditOutcome;

/**
 * A closure completed: the account is closed, and the linked Taobao account closed with it or unbound.
 */
public record ClosureCompleted(UUID requestId, String accountId, ClosureState state, TaobaoOutcome taobaoOutcome)
        implements ClosureRequestFact {

    @Override
    public ClosureAction action() {
        return ClosureAction.CLOSURE_COMPLETE;
    }

    @Override
    public AuditOutcome outcome() {
        return AuditOutcome.SUCCESS;
    }

    @Override
    public Map<String, Object> figures() {
        return Map.of("taobaoOutcome", taobaoOutcome.name());
    }
}
