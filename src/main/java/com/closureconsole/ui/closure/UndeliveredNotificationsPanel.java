package com.closureconsole.ui.closure;

import com.closureconsole.notification.UndeliveredNotifications;
import com.closureconsole.notification.UndeliveredNotifications.Undelivered;
import com.closureconsole.ui.Formats;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.springframework.context.annotation.Scope;

/** For supervisors: customer notifications that failed after their last attempt, and sending one again. */
@SpringComponent
@Scope("prototype")
public class UndeliveredNotificationsPanel extends VerticalLayout {

    final Grid<Undelivered> grid = new Grid<>();
    final Button resend = new Button();
    final Span empty = new Span();
    private final UndeliveredNotifications undelivered;

    public UndeliveredNotificationsPanel(UndeliveredNotifications undelivered, Formats formats) {
        this.undelivered = undelivered;
        setId("undelivered-notifications");
        setPadding(false);
        grid.setId("undelivered");
        grid.setAllRowsVisible(true);
        grid.addColumn(Undelivered::accountId).setHeader(getTranslation("undelivered.column.account")).setAutoWidth(true);
        grid.addColumn(u -> getTranslation("channel." + u.channel()) + " · " + u.maskedRecipient())
                .setHeader(getTranslation("undelivered.column.recipient")).setAutoWidth(true);
        grid.addColumn(u -> formats.dateTime(u.createdAt(), getLocale()))
                .setHeader(getTranslation("undelivered.column.queued")).setAutoWidth(true);
        grid.addColumn(Undelivered::attempts).setHeader(getTranslation("undelivered.column.attempts"));
        grid.addColumn(Undelivered::lastError).setHeader(getTranslation("undelivered.column.error"));
        resend.setId("resend-notification");
        resend.setText(getTranslation("undelivered.resend"));
        resend.setEnabled(false);
        resend.setDisableOnClick(true);
        grid.asSingleSelect().addValueChangeListener(e -> resend.setEnabled(e.getValue() != null));
        resend.addClickListener(e -> resendSelected());
        empty.setText(getTranslation("undelivered.none"));
        add(new H3(getTranslation("undelivered.title")), resend, grid, empty);
    }

    private void resendSelected() {
        Undelivered selected = grid.asSingleSelect().getValue();
        if (selected == null) {
            return;
        }
        if (undelivered.resend(selected.id())) {
            Notification.show(getTranslation("undelivered.resent", selected.accountId()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } else {
            Notification.show(getTranslation("undelivered.notFailed")).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    /** Lists the notifications that failed for good; the approvals view calls it each time it is entered. */
    void refresh() {
        var failed = undelivered.list(100);
        grid.setItems(failed);
        grid.setVisible(!failed.isEmpty());
        empty.setVisible(failed.isEmpty());
        resend.setEnabled(false);
    }
}
