package com.closureconsole.ui.closure;

import java.util.Optional;

import com.closureconsole.closure.ClosurePreview;
import com.closureconsole.closure.ClosureReason;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * Step 4, reason and confirm: what will happen to the account (and a linked Taobao account) and
 * how the customer is told, the reason code and its free text, with the domain's limits mirrored
 * next to the fields.
 */
class ConfirmStepPanel extends Div {

    /** The reason and its text as the agent gave them. */
    record Reason(ClosureReason code, String text) {
    }

    final Paragraph summary = new Paragraph();
    final Select<ClosureReason> reason = new Select<>();
    final TextArea reasonText = new TextArea();

    ConfirmStepPanel() {
        addClassName("flow-step-confirm");
        summary.setId("flow-summary");
        reason.setId("flow-reason");
        reason.setLabel(getTranslation("flow.reason"));
        reason.setItems(ClosureReason.values());
        reason.setItemLabelGenerator(r -> getTranslation("reason." + r));
        reason.setRequiredIndicatorVisible(true);
        reason.setWidth("min(24em, 100%)");
        reasonText.setId("flow-reason-text");
        reasonText.setLabel(getTranslation("flow.reasonText"));
        reasonText.setMaxLength(ClosureReason.MAX_TEXT);
        reasonText.setWidthFull();
        add(summary, reason, reasonText);
    }

    void show(String accountId, ClosurePreview preview) {
        summary.setText(getTranslation("flow.confirm.summary", accountId, StartClosureDialog.taobaoText(this, preview),
                getTranslation(preview.hasEmail() ? "flow.confirm.byEmail" : "flow.confirm.bySms")));
    }

    /** The reason, or empty with the problem shown next to its field. */
    Optional<Reason> reason() {
        boolean missing = reason.isEmpty();
        boolean textMissing = !missing && reason.getValue() == ClosureReason.OTHER && reasonText.getValue().isBlank();
        reason.setInvalid(missing);
        reason.setErrorMessage(missing ? getTranslation("flow.reason.required") : null);
        reasonText.setInvalid(textMissing);
        reasonText.setErrorMessage(textMissing ? getTranslation("flow.reasonText.required") : null);
        if (missing || textMissing) {
            StartClosureDialog.focusWhenShown(missing ? reason : reasonText);
            return Optional.empty();
        }
        return Optional.of(new Reason(reason.getValue(), reasonText.getValue()));
    }

    void focusFirst() {
        StartClosureDialog.focusWhenShown(reason);
    }
}
