package com.closureconsole.closure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.closureconsole.audit.AuditOutcome;
import org.jspecify.annotations.Nullable;

/**
 * A closure request was submitted (step 5 of the flow), after the second check passed.
 *
 * @param maskedReasonText the agent's free text with personal data masked, or {@code null}
 */
public record ClosureSubmitted(UUID requestId, String accountId, ClosureState state, ClosureReason reason,
                               @Nullable String maskedReasonText, VerificationMethod verificationMethod,
                               String confirmationVersion, TaobaoOutcome taobaoOutcome, boolean approvalRequired,
                               Duration coolingOff) implements ClosureRequestFact {

    @Override
    public ClosureAction action() {
        return ClosureAction.CLOSURE_SUBMIT;
    }

    @Override
    public AuditOutcome outcome() {
        return AuditOutcome.SUCCESS;
    }

    @Override
    public Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("reasonCode", reason.name());
        if (maskedReasonText != null) {
            figures.put("reasonText", maskedReasonText);
        }
        figures.put("verificationMethod", verificationMethod.name());
        figures.put("confirmationVersion", confirmationVersion);
        figures.put("taobaoOutcome", taobaoOutcome.name());
        figures.put("approvalRequired", approvalRequired);
        figures.put("coolingOff", coolingOff.toString());
        return figures;
    }
}
