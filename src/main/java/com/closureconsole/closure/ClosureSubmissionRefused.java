package com.closureconsole.closure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.closureconsole.audit.AttemptRefused;
import com.closureconsole.audit.AuditOutcome;
import org.jspecify.annotations.Nullable;

/**
 * A submission (step 5) was refused: the input broke a limit, the flow skipped a step, a check
 * blocked, or another closure of the account was in progress. Recorded on its own.
 *
 * @param accountId the account asked for
 * @param flowId    the closure flow
 * @param reason    why it was refused
 * @param report    the second check, when it ran
 * @param reasonCode the reason code the agent chose, or {@code null}
 * @param competing  the other closure that holds the account (the race's winner), or {@code null}
 */
public record ClosureSubmissionRefused(@Nullable String accountId, @Nullable UUID flowId,
                                       SubmissionResult.Refusal reason, @Nullable EligibilityReport report,
                                       @Nullable ClosureReason reasonCode, @Nullable ClosureRequestView competing)
        implements AttemptRefused {

    @Override
    public ClosureAction action() {
        return ClosureAction.CLOSURE_SUBMIT;
    }

    /** The account; {@code null} when there is no such account. */
    @Override
    public @Nullable String accountId() {
        return report != null && report.failedPreCheck() == PreCheck.ACCOUNT_EXISTS ? null : accountId;
    }

    /** {@code BLOCKED} when a check or another closure stood in the way, else {@code FAILURE}. */
    @Override
    public AuditOutcome outcome() {
        return reason == SubmissionResult.Refusal.NOT_ELIGIBLE || reason == SubmissionResult.Refusal.ALREADY_IN_PROGRESS
                ? AuditOutcome.BLOCKED : AuditOutcome.FAILURE;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("refused", reason.name());
        if (report != null) {
            details.putAll(EligibilityService.auditDetails(report));
        }
        details.put("reasonCode", reasonCode == null ? null : reasonCode.name());
        if (competing != null) {
            details.put("competingRequestId", competing.id().toString());
            details.put("competingInitiator", competing.initiatedBy());
        }
        return details;
    }

    @Override
    public @Nullable UUID correlationId() {
        return flowId;
    }
}
