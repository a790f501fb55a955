package com.closureconsole.ui.closure;

import java.util.List;
import java.util.UUID;

import com.closureconsole.account.IdentityType;
import com.closureconsole.closure.ClosurePreview;
import com.closureconsole.closure.ClosureReason;
import com.closureconsole.closure.ClosureWorkflow;
import com.closureconsole.closure.SubmissionResult;
import com.closureconsole.closure.StepResult;
import com.closureconsole.closure.SubmitClosure;
import com.closureconsole.closure.TaobaoOutcome;
import com.closureconsole.closure.VerificationMethod;
import com.closureconsole.ui.Formats;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * The guided closure flow in one dialog with a visible step indicator: verify identity → check →
 * what the customer gives up → reason and confirm → result. Back and cancel work at every step
 * before confirm. The server records each step for the flow id (the verification, the customer's
 * acceptance) and refuses a submission that skipped one; the dialog only shows where the flow is
 * and mirrors the server's limits. Nothing but the flow's steps and their audit is written before
 * confirm.
 */
public class StartClosureDialog extends Dialog {

    enum Step { VERIFY, CHECK, GIVE_UP, CONFIRM, RESULT }

    final UUID flowId = UUID.randomUUID();
    final String idempotencyKey = UUID.randomUUID().toString();
    final Div steps = new Div();
    final Div body = new Div();
    final Button back = new Button();
    final Button next = new Button();
    final Button cancel = new Button();
    final Button verificationFailed = new Button();
    final Checkbox verified = new Checkbox();
    final Checkbox customerConfirms = new Checkbox();
    final Select<ClosureReason> reason = new Select<>();
    final TextArea reasonText = new TextArea();
    final Button confirm = new Button();
    final Paragraph message = new Paragraph();
    Step step = Step.VERIFY;
    ClosurePreview preview;
    SubmissionResult result;

    private final String accountId;
    private final VerificationMethod method;
    private final ClosureWorkflow workflow;
    private final Formats formats;
    private final Runnable onFinished;

    public StartClosureDialog(String accountId, IdentityType identity, ClosureWorkflow workflow, Formats formats,
                              Runnable onFinished) {
        this.accountId = accountId;
        this.method = VerificationMethod.requiredFor(identity);
        this.workflow = workflow;
        this.formats = formats;
        this.onFinished = onFinished;
        setId("start-closure-dialog");
        setHeaderTitle(getTranslation("flow.title", accountId));
        setWidth("min(760px, 95vw)");
        setCloseOnOutsideClick(false);
        steps.addClassName("flow-steps");
        message.setId("flow-message");
        message.addClassName("flow-message");
        add(steps, body);

        back.setText(getTranslation("flow.back"));
        back.setId("flow-back");
        back.addClickListener(e -> show(Step.values()[step.ordinal() - 1]));
        next.setText(getTranslation("flow.next"));
        next.setId("flow-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.addClickListener(e -> advance());
        cancel.setText(getTranslation("common.cancel"));
        cancel.setId("flow-cancel");
        cancel.addClickListener(e -> close());
        confirm.setId("flow-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setDisableOnClick(true);
        confirm.addClickListener(e -> submit());
        getFooter().add(cancel, back, next, confirm);

        verificationFailed.setId("flow-verification-failed");
        verificationFailed.setText(getTranslation("flow.verify.failed"));
        verificationFailed.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        verificationFailed.addClickListener(e -> verificationFailed());
        verified.setId("flow-verified");
        verified.setLabel(getTranslation("flow.verify.passed"));
        customerConfirms.setId("flow-customer-confirms");
        customerConfirms.setLabel(getTranslation("flow.giveUp.confirmed"));
        reason.setId("flow-reason");
        reason.setLabel(getTranslation("flow.reason"));
        reason.setItems(ClosureReason.values());
        reason.setItemLabelGenerator(r -> getTranslation("reason." + r));
        reason.setRequiredIndicatorVisible(true);
        reason.setWidth("min(24em, 100%)");
        reasonText.setId("flow-reason-text");
        reasonText.setLabel(getTranslation("flow.reasonText"));
        reasonText.setMaxLength(ClosureWorkflow.MAX_REASON_TEXT);
        reasonText.setWidthFull();
        show(Step.VERIFY);
    }

    private void show(Step target) {
        step = target;
        steps.removeAll();
        for (Step s : List.of(Step.VERIFY, Step.CHECK, Step.GIVE_UP, Step.CONFIRM, Step.RESULT)) {
            Span label = new Span((s.ordinal() + 1) + ". " + getTranslation("flow.step." + s));
            label.addClassName(s == step ? "current" : s.ordinal() < step.ordinal() ? "done" : "todo");
            steps.add(label);
        }
        body.removeAll();
        message.setText("");
        back.setVisible(step.ordinal() > 0 && step != Step.RESULT);
        next.setVisible(step != Step.CONFIRM && step != Step.RESULT);
        next.setText(getTranslation(step == Step.VERIFY ? "flow.verify.continue" : "flow.next"));
        next.setEnabled(true);
        confirm.setVisible(step == Step.CONFIRM);
        cancel.setText(getTranslation(step == Step.RESULT ? "flow.close" : "common.cancel"));
        switch (step) {
            case VERIFY -> body.add(new Paragraph(getTranslation("flow.verify.method", getTranslation("method." + method))),
                    new Paragraph(getTranslation("flow.verify.noSecrets")), verified, verificationFailed, message);
            case CHECK -> showCheck();
            case GIVE_UP -> showGiveUp();
            case CONFIRM -> showConfirm();
            case RESULT -> showResult();
        }
    }

    private void advance() {
        switch (step) {
            case VERIFY -> {
                if (!verified.getValue()) {
                    message.setText(getTranslation("flow.verify.required"));
                    return;
                }
                StepResult recorded = workflow.recordVerification(accountId, flowId, method, true);
                if (recorded != StepResult.RECORDED) {
                    message.setText(getTranslation("flow.stepResult." + recorded));
                    return;
                }
                show(Step.CHECK);
            }
            case CHECK -> show(Step.GIVE_UP);
            case GIVE_UP -> {
                if (!customerConfirms.getValue()) {
                    message.setText(getTranslation("flow.giveUp.required"));
                    return;
                }
                StepResult recorded = workflow.confirmGivenUp(accountId, flowId, preview.confirmationVersion());
                if (recorded != StepResult.RECORDED) {
                    message.setText(getTranslation("flow.stepResult." + recorded));
                    return;
                }
                show(Step.CONFIRM);
            }
            default -> { }
        }
    }

    /** The customer did not pass: recorded and audited, and the flow cannot go on. */
    private void verificationFailed() {
        StepResult recorded = workflow.recordVerification(accountId, flowId, method, false);
        message.setText(getTranslation("flow.stepResult." + recorded));
        verified.setValue(false);
        verified.setEnabled(false);
        verificationFailed.setEnabled(false);
        next.setEnabled(false);
    }

    private void showCheck() {
        preview = workflow.preview(accountId, flowId);
        EligibilityPanel panel = new EligibilityPanel(formats);
        panel.show(preview.report());
        body.add(panel);
        // A blocked account stops here: every blocker with its remedy, and no way forward.
        next.setVisible(preview.report().closable());
    }

    private void showGiveUp() {
        UnorderedList lost = new UnorderedList(new ListItem(getTranslation("flow.giveUp.personal")),
                new ListItem(getTranslation("flow.giveUp.transactions")), new ListItem(getTranslation("flow.giveUp.quickPay")));
        Paragraph taobao = new Paragraph(taobaoText(preview));
        taobao.setId("flow-taobao");
        Paragraph version = new Paragraph(getTranslation("flow.giveUp.version", preview.confirmationVersion()));
        version.addClassName("flow-version");
        body.add(new Paragraph(getTranslation("flow.giveUp.intro")), lost, taobao, version, customerConfirms, message);
    }

    private void showConfirm() {
        Paragraph summary = new Paragraph(getTranslation("flow.confirm.summary", accountId, taobaoText(preview),
                getTranslation(preview.hasEmail() ? "flow.confirm.byEmail" : "flow.confirm.bySms")));
        summary.setId("flow-summary");
        confirm.setText(getTranslation("flow.confirm.button", accountId));
        confirm.setEnabled(true);
        body.add(summary, reason, reasonText, message);
    }

    private void submit() {
        if (reason.isEmpty() || reason.getValue() == ClosureReason.OTHER && reasonText.getValue().isBlank()) {
            reason.setInvalid(reason.isEmpty());
            reason.setErrorMessage(getTranslation("flow.reason.required"));
            reasonText.setInvalid(!reason.isEmpty());
            reasonText.setErrorMessage(getTranslation("flow.reasonText.required"));
            confirm.setEnabled(true);
            return;
        }
        result = workflow.submit(new SubmitClosure(flowId, idempotencyKey, accountId, reason.getValue(),
                reasonText.getValue()));
        show(Step.RESULT);
        onFinished.run();
    }

    private void showResult() {
        message.setId("flow-result");
        if (result instanceof SubmissionResult.Submitted submitted) {
            var request = submitted.request();
            message.setText(getTranslation("flow.result.state." + request.state(), accountId,
                    getTranslation(preview.hasEmail() ? "flow.confirm.byEmail" : "flow.confirm.bySms")));
            message.addClassName("success");
            body.add(message);
        } else if (result instanceof SubmissionResult.Refused refused) {
            message.setText(getTranslation("flow.refused." + refused.reason()));
            message.addClassName("failure");
            body.add(message);
            if (refused.report() != null && !refused.report().closable()) {
                EligibilityPanel panel = new EligibilityPanel(formats);
                panel.show(refused.report());
                body.add(panel);
            }
        }
    }

    private String taobaoText(ClosurePreview p) {
        return p.taobaoOutcome() == TaobaoOutcome.NONE ? getTranslation("flow.taobao.NONE")
                : getTranslation("flow.taobao." + p.taobaoOutcome(), p.taobaoId());
    }
}
