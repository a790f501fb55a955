package com.closureconsole.closure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.closureconsole.account.IdentityType;
import com.closureconsole.audit.AuditOutcome;
import com.closureconsole.audit.Audited;

/**
 * Step 2 of a closure flow passed: the customer was verified with the method their account type needs.
 *
 * @param accountId    the account
 * @param flowId       the closure flow
 * @param method       the method used
 * @param identityType the account's identity type
 */
public record IdentityVerified(String accountId, UUID flowId, VerificationMethod method, IdentityType identityType)
        implements Audited {

    @Override
    public ClosureAction action() {
        return ClosureAction.IDENTITY_VERIFICATION;
    }

    @Override
    public AuditOutcome outcome() {
        return AuditOutcome.SUCCESS;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", method.name());
        details.put("passed", true);
        details.put("identityType", identityType.name());
        return details;
    }

    @Override
    public UUID correlationId() {
        return flowId;
    }
}
