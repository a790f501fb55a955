package com.closureconsole.ui.account;

import java.util.function.Consumer;

import com.closureconsole.account.AccountDirectory;
import com.closureconsole.account.PersonalData;
import com.closureconsole.account.RevealReason;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;

/** Asks why personal data is revealed, then reveals it; the reveal and its reason are audited. */
class RevealDialog extends Dialog {

    final Select<RevealReason> reason = new Select<>();
    final Button confirm = new Button();

    RevealDialog(String accountId, AccountDirectory directory, Consumer<PersonalData> onRevealed) {
        setId("reveal-dialog");
        setHeaderTitle(getTranslation("reveal.title"));
        reason.setId("reveal-reason");
        reason.setLabel(getTranslation("reveal.reason"));
        reason.setItems(RevealReason.values());
        reason.setItemLabelGenerator(r -> getTranslation("reveal.reason." + r));
        reason.setRequiredIndicatorVisible(true);
        add(new Paragraph(getTranslation("reveal.explain")), reason);

        confirm.setText(getTranslation("reveal.confirm"));
        confirm.setId("reveal-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setDisableOnClick(true);
        confirm.addClickListener(e -> {
            if (reason.isEmpty()) {
                reason.setErrorMessage(getTranslation("reveal.reason.required"));
                reason.setInvalid(true);
                confirm.setEnabled(true);
                return;
            }
            directory.reveal(accountId, reason.getValue()).ifPresent(onRevealed);
            close();
        });
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("reveal-cancel");
        getFooter().add(cancel, confirm);
    }
}
