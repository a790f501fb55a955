package com.closureconsole.closure;

import java.util.Map;
import java.util.UUID;

import com.closureconsole.audit.AuditOutcome;
import org.jspecify.annotations.Nullable;

/**
 * A supervisor other than the initiator approved a closure request, after the checks ran again.
 *
 * @param maskedComment the supervisor's comment, masked, or {@code null}
 */
public record ClosureApproved(UUID requestId, String accountId, ClosureState state, @Nullable String maskedComment)
        implements ClosureRequestFact {

    @Override
    public ClosureAction action() {
        return ClosureAction.CLOSURE_APPROVE;
    }

    @Override
    public AuditOutcome outcome() {
        return AuditOutcome.SUCCESS;
    }

    @Override
    public Map<String, Object> figures() {
        return maskedComment == null ? Map.of() : Map.of("comment", maskedComment);
    }
}
