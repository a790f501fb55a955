package com.closureconsole.closure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

/**
 * Walks a closure flow's recorded steps as the dialog does (the identity verification, the
 * customer's acceptance of what is given up) and answers the confirmation to submit.
 */
public final class WalkedFlow {

    private WalkedFlow() {
    }

    /** A new flow for a real-name certified account (what test accounts are), reason "no longer used". */
    public static SubmitClosure walked(FlowSteps steps, String accountId) {
        return walked(steps, accountId, UUID.randomUUID(), VerificationMethod.REAL_NAME_ID_AND_SMS,
                ClosureReason.NO_LONGER_USED, null);
    }

    public static SubmitClosure walked(FlowSteps steps, String accountId, UUID flow, VerificationMethod method,
                                       ClosureReason reason, String reasonText) {
        assertThat(steps.recordVerification(accountId, flow, method, true)).isEqualTo(StepResult.RECORDED);
        assertThat(steps.confirmGivenUp(accountId, flow, FlowSteps.CONFIRMATION_VERSION))
                .isEqualTo(StepResult.RECORDED);
        return new SubmitClosure(flow, flow.toString(), accountId, reason, reasonText);
    }
}
