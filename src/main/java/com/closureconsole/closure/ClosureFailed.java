package com.closureconsole.closure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.closureconsole.audit.AuditOutcome;

/**
 * A closure request failed: a check blocked it again, its completion failed for good, or the
 * account was found in another status than the closure expected.
 *
 * @param outcome       {@code BLOCKED} when a check blocked it, else {@code FAILURE}
 * @param why           what made it fail (the blockers and their figures, the error …)
 * @param accountStatus the account's status afterwards
 */
public record ClosureFailed(UUID requestId, String accountId, ClosureState state, AuditOutcome outcome,
                            Map<String, Object> why, String accountStatus) implements ClosureRequestFact {

    public ClosureFailed {
        why = new LinkedHashMap<>(why);
    }

    @Override
    public ClosureAction action() {
        return ClosureAction.CLOSURE_FAIL;
    }

    @Override
    public Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>(why);
        figures.put("accountStatus", accountStatus);
        return figures;
    }
}
