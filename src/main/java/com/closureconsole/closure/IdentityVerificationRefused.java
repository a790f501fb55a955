package com.closureconsole.closure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.closureconsole.audit.AttemptRefused;
import com.closureconsole.audit.AuditOutcome;
import org.jspecify.annotations.Nullable;

/**
 * Step 2 of a closure flow did not pass: the customer failed the verification (recorded for the
 * flow, which then cannot be submitted), or the step was refused (no such account, the wrong method
 * for the account type, a flow of another account or member of staff). Recorded on its own.
 *
 * @param accountId the account asked for
 * @param flowId    the closure flow
 * @param result    what the step found
 * @param found     the method, whether it passed, and what the account type requires
 */
public record IdentityVerificationRefused(String accountId, UUID flowId, StepResult result, Map<String, Object> found)
        implements AttemptRefused {

    public IdentityVerificationRefused {
        found = new LinkedHashMap<>(found);
    }

    @Override
    public ClosureAction action() {
        return ClosureAction.IDENTITY_VERIFICATION;
    }

    /** The account; {@code null} when there is no such account. */
    @Override
    public @Nullable String accountId() {
        return result == StepResult.NO_SUCH_ACCOUNT ? null : accountId;
    }

    @Override
    public AuditOutcome outcome() {
        return result == StepResult.NOT_VERIFIED ? AuditOutcome.DENIED : AuditOutcome.FAILURE;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>(found);
        if (result != StepResult.VERIFICATION_FAILED) {
            details.put("refused", result.name());
        }
        return details;
    }

    @Override
    public UUID correlationId() {
        return flowId;
    }
}
