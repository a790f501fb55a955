package com.closureconsole.ui.closure;

import java.util.function.Consumer;

import com.closureconsole.closure.ClosureReason;
import com.closureconsole.closure.DecisionResult;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;

/** Asks for a decision's reason (required or optional) and confirms it; the confirm disables on click. */
class DecisionDialog extends Dialog {

    final TextArea reason = new TextArea();
    final Button confirm = new Button();

    DecisionDialog(String title, String explanation, String confirmText, boolean reasonRequired, Consumer<String> onConfirm) {
        setId("decision-dialog");
        setHeaderTitle(title);
        reason.setId("decision-reason");
        reason.setLabel(getTranslation(reasonRequired ? "decision.reason.required" : "decision.reason.optional"));
        reason.setRequired(reasonRequired);
        reason.setMaxLength(ClosureReason.MAX_TEXT);
        reason.setWidthFull();
        add(new Paragraph(explanation), reason);
        confirm.setText(confirmText);
        confirm.setId("decision-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setDisableOnClick(true);
        confirm.addClickListener(e -> {
            if (reasonRequired && reason.getValue().isBlank()) {
                reason.setErrorMessage(getTranslation("decision.reason.missing"));
                reason.setInvalid(true);
                confirm.setEnabled(true);
                return;
            }
            close();
            onConfirm.accept(reason.getValue());
        });
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        getFooter().add(cancel, confirm);
    }

    /** Why a decision was not taken, in the user's words. */
    static String refused(Component owner, DecisionResult.Refused refused) {
        return owner.getTranslation("decision.refused." + refused.reason());
    }

    /** What a decision that left the account as found tells the supervisor or agent. */
    static String accountUnchanged(Component owner, DecisionResult.AccountUnchanged unchanged) {
        return owner.getTranslation("decision.accountUnchanged", owner.getTranslation("status." + unchanged.expected()),
                owner.getTranslation("status." + unchanged.found()));
    }
}
