package com.closureconsole.closure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.closureconsole.account.AccountStatus;
import com.closureconsole.audit.AuditOutcome;

/**
 * A closure expected the account in one status and found it in another (risk control froze it
 * meanwhile, or it was closed elsewhere); the account was left as found.
 */
public record AccountStatusConflicted(UUID requestId, String accountId, ClosureState state, AccountStatus expected,
                                      AccountStatus target, AccountStatus found) implements ClosureRequestFact {

    @Override
    public ClosureAction action() {
        return ClosureAction.ACCOUNT_STATUS_CONFLICT;
    }

    @Override
    public AuditOutcome outcome() {
        return AuditOutcome.FAILURE;
    }

    @Override
    public Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("expected", expected.name());
        figures.put("target", target.name());
        figures.put("found", found.name());
        return figures;
    }
}
