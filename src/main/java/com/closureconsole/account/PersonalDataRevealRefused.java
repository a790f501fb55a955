package com.closureconsole.account;

import java.util.Map;

import com.closureconsole.audit.AttemptRefused;
import com.closureconsole.audit.AuditOutcome;

/**
 * A reveal of personal data was asked for without a reason; nothing was revealed. Recorded on its
 * own, whatever happens to the caller's transaction.
 *
 * @param accountId the customer's account
 */
public record PersonalDataRevealRefused(String accountId) implements AttemptRefused {

    @Override
    public AccountAction action() {
        return AccountAction.PERSONAL_DATA_REVEAL;
    }

    @Override
    public AuditOutcome outcome() {
        return AuditOutcome.FAILURE;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("refused", "REASON_REQUIRED");
    }
}
