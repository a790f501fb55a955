package com.closureconsole.ui.closure;

import java.util.Objects;
import java.util.UUID;

import com.closureconsole.closure.ClosurePreview;
import com.closureconsole.closure.FlowSteps;
import com.closureconsole.closure.StepResult;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import org.jspecify.annotations.Nullable;

/**
 * Step 3, what the customer gives up: personal information, transaction records, quick-pay
 * bindings, what happens to a linked Taobao account, and the version of this text; the customer's
 * acceptance is recorded for the flow ({@link FlowSteps#confirmGivenUp}).
 */
class GiveUpStepPanel extends Div {

    final Checkbox customerConfirms = new Checkbox();
    final Paragraph taobao = new Paragraph();

    private final String accountId;
    private final UUID flowId;
    private final FlowSteps steps;
    private @Nullable ClosurePreview preview;

    GiveUpStepPanel(String accountId, UUID flowId, FlowSteps steps) {
        this.accountId = accountId;
        this.flowId = flowId;
        this.steps = steps;
        addClassName("flow-step-give-up");
        customerConfirms.setId("flow-customer-confirms");
        customerConfirms.setLabel(getTranslation("flow.giveUp.confirmed"));
        taobao.setId("flow-taobao");
    }

    void show(ClosurePreview shown) {
        preview = shown;
        removeAll();
        UnorderedList lost = new UnorderedList(new ListItem(getTranslation("flow.giveUp.personal")),
                new ListItem(getTranslation("flow.giveUp.transactions")), new ListItem(getTranslation("flow.giveUp.quickPay")));
        taobao.setText(StartClosureDialog.taobaoText(this, shown));
        Paragraph version = new Paragraph(getTranslation("flow.giveUp.version", shown.confirmationVersion()));
        version.addClassName("flow-version");
        add(new Paragraph(getTranslation("flow.giveUp.intro")), lost, taobao, version, customerConfirms);
    }

    /** Records the customer's acceptance; answers the problem to show, or {@code null} when it is recorded. */
    @Nullable String recordAccepted() {
        if (!customerConfirms.getValue()) {
            return getTranslation("flow.giveUp.required");
        }
        StepResult recorded = steps.confirmGivenUp(accountId, flowId,
                Objects.requireNonNull(preview, "shown before the customer confirms").confirmationVersion());
        return recorded == StepResult.RECORDED ? null : getTranslation("flow.stepResult." + recorded);
    }

    void focusFirst() {
        StartClosureDialog.focusWhenShown(customerConfirms);
    }
}
