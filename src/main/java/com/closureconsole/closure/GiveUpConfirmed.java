package com.closureconsole.closure;

import java.util.Map;
import java.util.UUID;

import com.closureconsole.audit.AuditOutcome;
import com.closureconsole.audit.Audited;

/**
 * Step 4 of a closure flow: the customer accepted what the closure gives up, as the text of
 * {@code confirmationVersion} said it.
 */
public record GiveUpConfirmed(String accountId, UUID flowId, String confirmationVersion) implements Audited {

    @Override
    public ClosureAction action() {
        return ClosureAction.GIVE_UP_CONFIRMATION;
    }

    @Override
    public AuditOutcome outcome() {
        return AuditOutcome.SUCCESS;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("confirmationVersion", confirmationVersion);
    }

    @Override
    public UUID correlationId() {
        return flowId;
    }
}
