package com.closureconsole.account;

import java.util.Map;

import com.closureconsole.audit.AuditOutcome;
import com.closureconsole.audit.Audited;
import org.jspecify.annotations.Nullable;

/**
 * A member of staff opened an account's masked profile, or asked for one that does not exist.
 *
 * @param requestedId the account id asked for
 * @param found       whether there is such an account
 */
public record AccountViewed(String requestedId, boolean found) implements Audited {

    @Override
    public AccountAction action() {
        return AccountAction.ACCOUNT_VIEW;
    }

    @Override
    public @Nullable String accountId() {
        return found ? requestedId : null;
    }

    @Override
    public AuditOutcome outcome() {
        return found ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE;
    }

    @Override
    public Map<String, Object> details() {
        return found ? Map.of() : Map.of("requestedId", requestedId);
    }
}
