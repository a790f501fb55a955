package com.closureconsole.ui.closure;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.closureconsole.account.IdentityType;
import com.closureconsole.closure.ClosurePreview;
import com.closureconsole.closure.ClosureSubmission;
import com.closureconsole.closure.FlowProgress;
import com.closureconsole.closure.FlowSteps;
import com.closureconsole.closure.SubmissionResult;
import com.closureconsole.closure.SubmitClosure;
import com.closureconsole.closure.TaobaoOutcome;
import com.closureconsole.closure.VerificationMethod;
import com.closureconsole.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.jspecify.annotations.Nullable;

/**
 * The guided closure flow in one dialog with a visible step indicator: verify identity → check →
 * what the customer gives up → reason and confirm → result, one component per step. Back and
 * cancel work at every step before confirm. The server keeps the flow's steps for the flow id
 * ({@link FlowSteps#progress}); the dialog shows a step only when the server's record allows it
 * and refuses nothing on its own but the limits it mirrors. Nothing but the flow's steps and their
 * audit is written before confirm. The keyboard is enough: each step puts the focus on its first
 * field, Enter on a ticked box goes on, Tab reaches the footer's actions in reading order.
 */
public class StartClosureDialog extends Dialog {

    enum Step { VERIFY, CHECK, GIVE_UP, CONFIRM, RESULT }

    final UUID flowId = UUID.randomUUID();
    final String idempotencyKey = UUID.randomUUID().toString();
    final FlowStepIndicator steps = new FlowStepIndicator();
    final Div body = new Div();
    final Button back = new Button();
    final Button next = new Button();
    final Button cancel = new Button();
    final Button confirm = new Button();
    final Paragraph message = new Paragraph();
    final IdentityStepPanel identity;
    final CheckStepPanel check;
    final GiveUpStepPanel giveUp;
    final ConfirmStepPanel confirmation;
    final ResultStepPanel outcome;
    Step step = Step.VERIFY;
    /** What the check step showed; the steps after it show the same. */
    @Nullable ClosurePreview preview;
    @Nullable SubmissionResult result;

    private final String accountId;
    private final FlowSteps flowSteps;
    private final ClosureSubmission submission;
    private final Runnable onFinished;

    public StartClosureDialog(String accountId, IdentityType identityType, FlowSteps flowSteps,
                              ClosureSubmission submission, Formats formats, Runnable onFinished) {
        this.accountId = accountId;
        this.flowSteps = flowSteps;
        this.submission = submission;
        this.onFinished = onFinished;
        this.identity = new IdentityStepPanel(accountId, flowId, VerificationMethod.requiredFor(identityType), flowSteps);
        this.check = new CheckStepPanel(formats);
        this.giveUp = new GiveUpStepPanel(accountId, flowId, flowSteps);
        this.confirmation = new ConfirmStepPanel();
        this.outcome = new ResultStepPanel(formats);
        setId("start-closure-dialog");
        setHeaderTitle(getTranslation("flow.title", accountId));
        setWidth("min(760px, 95vw)");
        setCloseOnOutsideClick(false);
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

        identity.verificationFailed.addClickListener(e -> {
            message.setText(identity.recordFailed());
            showProgress();
        });
        enterGoesOn(identity.verified);
        enterGoesOn(giveUp.customerConfirms);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                focusStep();
            }
        });
        show(Step.VERIFY);
    }

    /** Enter in a step's box does what Next does, so a ticked box needs no trip to the footer. */
    private void enterGoesOn(Component field) {
        Shortcuts.addShortcutListener(field, () -> {
            if (next.isVisible() && next.isEnabled()) {
                advance();
            }
        }, Key.ENTER).listenOn(field);
    }

    private void show(Step target) {
        step = target;
        body.removeAll();
        message.setText("");
        back.setVisible(step.ordinal() > 0 && step != Step.RESULT);
        next.setVisible(step != Step.CONFIRM && step != Step.RESULT);
        next.setText(getTranslation(step == Step.VERIFY ? "flow.verify.continue" : "flow.next"));
        next.setEnabled(true);
        confirm.setVisible(step == Step.CONFIRM);
        cancel.setText(getTranslation(step == Step.RESULT ? "flow.close" : "common.cancel"));
        switch (step) {
            case VERIFY -> body.add(identity, message);
            case CHECK -> {
                ClosurePreview checked = flowSteps.preview(accountId, flowId);
                preview = checked;
                check.show(checked);
                body.add(check);
                // A blocked account stops here: every blocker with its remedy, and no way forward.
                next.setVisible(checked.report().closable());
            }
            case GIVE_UP -> {
                giveUp.show(checkedPreview());
                body.add(giveUp, message);
            }
            case CONFIRM -> {
                confirmation.show(accountId, checkedPreview());
                confirm.setText(getTranslation("flow.confirm.button", accountId));
                confirm.setEnabled(true);
                body.add(confirmation, message);
            }
            case RESULT -> {
                outcome.show(accountId, checkedPreview(),
                        Objects.requireNonNull(result, "the result step follows the submission"));
                body.add(outcome);
            }
        }
        showProgress();
        focusStep();
    }

    /** What the check step showed, for the steps that come after it. */
    private ClosurePreview checkedPreview() {
        return Objects.requireNonNull(preview, "the check step comes before");
    }

    /** The step indicator and the way forward, from what the server recorded for the flow. */
    private void showProgress() {
        FlowProgress progress = flowSteps.progress(accountId, flowId);
        steps.show(step, progress);
        if (progress.verification() == FlowProgress.Verification.FAILED && step == Step.VERIFY) {
            next.setEnabled(false);
        }
    }

    /** Forward only as far as the server's record of the flow allows. */
    private void advance() {
        switch (step) {
            case VERIFY -> {
                String problem = identity.recordPassed();
                if (problem != null) {
                    message.setText(problem);
                    identity.focusFirst();
                    return;
                }
                if (flowSteps.progress(accountId, flowId).verified()) {
                    show(Step.CHECK);
                }
            }
            case CHECK -> show(Step.GIVE_UP);
            case GIVE_UP -> {
                String problem = giveUp.recordAccepted();
                if (problem != null) {
                    message.setText(problem);
                    giveUp.focusFirst();
                    return;
                }
                if (flowSteps.progress(accountId, flowId).readyToSubmit()) {
                    show(Step.CONFIRM);
                }
            }
            default -> { }
        }
    }

    private void submit() {
        var reason = confirmation.reason();
        if (reason.isEmpty()) {
            confirm.setEnabled(true);
            return;
        }
        result = submission.submit(new SubmitClosure(flowId, idempotencyKey, accountId, reason.get().code(),
                reason.get().text()));
        show(Step.RESULT);
        onFinished.run();
    }

    /** The keyboard starts on the step's first field, or on its way forward when it has none. */
    private void focusStep() {
        switch (step) {
            case VERIFY -> identity.focusFirst();
            case CHECK -> focusWhenShown(next.isVisible() ? next : back);
            case GIVE_UP -> giveUp.focusFirst();
            case CONFIRM -> confirmation.focusFirst();
            case RESULT -> focusWhenShown(cancel);
        }
    }

    /**
     * Puts the keyboard focus on {@code target} once the browser has drawn the dialog's new
     * content: the dialog's overlay draws a step after the round trip that changed it, and a
     * focus given earlier would land before the element is there.
     */
    static void focusWhenShown(Component target) {
        target.getElement().executeJs("const el = this; requestAnimationFrame(() => requestAnimationFrame(() => el.focus()))");
    }

    /** What happens to a linked Taobao account, in the agent's words. */
    static String taobaoText(Component owner, ClosurePreview preview) {
        return preview.taobaoOutcome() == TaobaoOutcome.NONE ? owner.getTranslation("flow.taobao.NONE")
                : owner.getTranslation("flow.taobao." + preview.taobaoOutcome(), preview.taobaoId());
    }
}
