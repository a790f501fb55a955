package com.closureconsole.ui.checklist;

import com.closureconsole.checklist.ChecklistDraft;
import com.closureconsole.checklist.ChecklistPreview;
import com.closureconsole.checklist.CustomerChecklists;
import com.closureconsole.checklist.Refusal;
import com.closureconsole.checklist.SendResult;
import com.closureconsole.notification.Channel;
import com.closureconsole.ui.Formats;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * The checklist exactly as the customer will receive it: by which channel to which (masked)
 * destination, in which language, the subject and the body; then send or cancel. A refusal (the
 * daily limit, a checklist that changed meanwhile) is said in words in the dialog; a changed
 * checklist is shown afresh to be read before sending.
 */
class ChecklistDialog extends Dialog {

    final Paragraph to = new Paragraph();
    final Div subjectRow = new Div();
    final Span subject = new Span();
    final Paragraph smsNote = new Paragraph();
    final Pre body = new Pre();
    final Paragraph error = new Paragraph();
    final Button send = new Button();
    final Button cancel = new Button();

    private final CustomerChecklists checklists;
    private final CustomerChecklistPanel panel;
    private final Runnable onChange;
    private ChecklistDraft draft;

    ChecklistDialog(ChecklistPreview.Ready preview, CustomerChecklists checklists, CustomerChecklistPanel panel,
                    Runnable onChange) {
        this.checklists = checklists;
        this.panel = panel;
        this.onChange = onChange;
        setId("checklist-dialog");
        setHeaderTitle(getTranslation("checklist.dialog.title", preview.draft().accountId()));
        setWidth("min(46rem, 95vw)");

        to.setId("checklist-to");
        Span subjectLabel = new Span(getTranslation("checklist.dialog.subject"));
        subjectLabel.addClassName("field-label");
        subject.setId("checklist-subject");
        subjectRow.add(subjectLabel, subject);
        subjectRow.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)");
        smsNote.setId("checklist-sms-note");
        smsNote.setText(getTranslation("checklist.dialog.smsNote"));
        body.setId("checklist-body");
        body.addClassName("checklist-body");
        body.getStyle().set("white-space", "pre-wrap");
        error.setId("checklist-error");
        error.addClassName("error-text");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(to, subjectRow, smsNote, body, error);

        send.setId("checklist-send");
        send.setText(getTranslation("checklist.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setDisableOnClick(true);
        send.addClickListener(e -> send());
        cancel.setId("checklist-cancel");
        cancel.setText(getTranslation("checklist.cancel"));
        cancel.addClickListener(e -> close());
        getFooter().add(cancel, send);

        show(preview.draft());
        if (preview.quota().reached()) {
            refuse(panel.limitMessage(preview.quota()));
        }
    }

    private void show(ChecklistDraft shown) {
        this.draft = shown;
        to.setText(getTranslation("checklist.dialog.to", getTranslation("channel." + shown.channel()),
                shown.maskedRecipient(), getTranslation("checklist.language." + shown.locale())));
        subjectRow.setVisible(shown.channel() == Channel.EMAIL);
        subject.setText(shown.subject());
        smsNote.setVisible(shown.channel() == Channel.SMS);
        body.setText(shown.body());
        error.setVisible(false);
        send.setEnabled(true);
    }

    private void send() {
        SendResult result;
        try {
            result = checklists.send(draft.accountId(), draft.digest());
        } catch (RuntimeException e) {
            // Nothing was sent; the console's error handler tells the agent so and logs the failure.
            send.setEnabled(true);
            throw e;
        }
        if (result instanceof SendResult.Sent sent) {
            Notification.show(getTranslation("checklist.sent", draft.accountId(),
                    getTranslation("channel." + sent.checklist().channel()), sent.checklist().maskedRecipient()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            close();
            onChange.run();
            return;
        }
        SendResult.Refused refused = (SendResult.Refused) result;
        if (refused.reason() == Refusal.CHANGED_SINCE_PREVIEW && refused.current() instanceof ChecklistPreview.Ready now) {
            show(now.draft());
            error.setText(getTranslation("checklist.refused.CHANGED_SINCE_PREVIEW"));
            error.setVisible(true);
            return;
        }
        refuse(refused.current() instanceof ChecklistPreview.Unavailable unavailable
                ? panel.unavailableMessage(unavailable) : getTranslation("checklist.unavailable." + refused.reason()));
        onChange.run();
    }

    private void refuse(String message) {
        error.setText(message);
        error.setVisible(true);
        send.setEnabled(false);
    }
}
