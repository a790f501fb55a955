package com.closureconsole.ui.closure;

import java.util.UUID;

import com.closureconsole.closure.FlowSteps;
import com.closureconsole.closure.StepResult;
import com.closureconsole.closure.VerificationMethod;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.jspecify.annotations.Nullable;

/**
 * Step 1, verify identity: the method the account type requires, a box the agent ticks once the
 * customer passed, and a way to record that the customer failed (which stops the flow). The
 * server records the verification for the flow ({@link FlowSteps#recordVerification}).
 */
class IdentityStepPanel extends Div {

    final Checkbox verified = new Checkbox();
    final Button verificationFailed = new Button();

    private final String accountId;
    private final UUID flowId;
    private final VerificationMethod method;
    private final FlowSteps steps;

    IdentityStepPanel(String accountId, UUID flowId, VerificationMethod method, FlowSteps steps) {
        this.accountId = accountId;
        this.flowId = flowId;
        this.method = method;
        this.steps = steps;
        addClassName("flow-step-identity");
        verified.setId("flow-verified");
        verified.setLabel(getTranslation("flow.verify.passed"));
        verificationFailed.setId("flow-verification-failed");
        verificationFailed.setText(getTranslation("flow.verify.failed"));
        verificationFailed.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        add(new Paragraph(getTranslation("flow.verify.method", getTranslation("method." + method))),
                new Paragraph(getTranslation("flow.verify.noSecrets")), verified, verificationFailed);
    }

    /** Records the passed verification; answers the problem to show, or {@code null} when it is recorded. */
    @Nullable String recordPassed() {
        if (!verified.getValue()) {
            return getTranslation("flow.verify.required");
        }
        StepResult recorded = steps.recordVerification(accountId, flowId, method, true);
        return recorded == StepResult.RECORDED ? null : getTranslation("flow.stepResult." + recorded);
    }

    /** The customer did not pass: recorded and audited, and this step offers nothing more; answers what to show. */
    String recordFailed() {
        StepResult recorded = steps.recordVerification(accountId, flowId, method, false);
        verified.setValue(false);
        verified.setEnabled(false);
        verificationFailed.setEnabled(false);
        return getTranslation("flow.stepResult." + recorded);
    }

    void focusFirst() {
        if (verified.isEnabled()) {
            StartClosureDialog.focusWhenShown(verified);
        }
    }
}
