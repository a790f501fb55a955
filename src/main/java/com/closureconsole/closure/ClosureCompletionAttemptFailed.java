package com.closureconsole.closure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.closureconsole.audit.AuditOutcome;
import com.closureconsole.audit.Audited;

/**
 * An attempt to complete a closure failed; it is tried again while {@code willRetry}.
 *
 * @param attempt the attempts so far, this one included
 * @param error   the error's code
 */
public record ClosureCompletionAttemptFailed(UUID requestId, String accountId, int attempt, String error,
                                             boolean willRetry) implements Audited {

    @Override
    public ClosureAction action() {
        return ClosureAction.CLOSURE_COMPLETE;
    }

    @Override
    public AuditOutcome outcome() {
        return AuditOutcome.FAILURE;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requestId", requestId.toString());
        details.put("attempt", attempt);
        details.put("error", error);
        details.put("willRetry", willRetry);
        return details;
    }

    @Override
    public UUID correlationId() {
        return requestId;
    }
}
