package com.closureconsole.closure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.closureconsole.audit.AttemptRefused;
import com.closureconsole.audit.AuditOutcome;

/**
 * Step 4 of a closure flow was refused: before a passed verification of the flow, or for another
 * version of the text than the current one. Recorded on its own.
 */
public record GiveUpConfirmationRefused(String accountId, UUID flowId, String confirmationVersion, StepResult result)
        implements AttemptRefused {

    @Override
    public ClosureAction action() {
        return ClosureAction.GIVE_UP_CONFIRMATION;
    }

    @Override
    public AuditOutcome outcome() {
        return AuditOutcome.FAILURE;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("confirmationVersion", confirmationVersion);
        details.put("refused", result.name());
        return details;
    }

    @Override
    public UUID correlationId() {
        return flowId;
    }
}
