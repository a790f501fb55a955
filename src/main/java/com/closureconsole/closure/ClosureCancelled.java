package com.closureconsole.closure;

import java.util.Map;
import java.util.UUID;

import com.closureconsole.audit.AuditOutcome;
import org.jspecify.annotations.Nullable;

/**
 * A closure request was cancelled while it awaited approval or cooled off.
 *
 * @param maskedReason why, masked, or {@code null}
 */
public record ClosureCancelled(UUID requestId, String accountId, ClosureState state, @Nullable String maskedReason)
        implements ClosureRequestFact {

    @Override
    public ClosureAction action() {
        return ClosureAction.CLOSURE_CANCEL;
    }

    @Override
    public AuditOutcome outcome() {
        return AuditOutcome.SUCCESS;
    }

    @Override
    public Map<String, Object> figures() {
        return maskedReason == null ? Map.of() : Map.of("reason", maskedReason);
    }
}
