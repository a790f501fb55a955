package com.closureconsole.ui.checklist;

import java.util.List;
import java.util.Objects;

import com.closureconsole.checklist.ChecklistPreview;
import com.closureconsole.checklist.CustomerChecklists;
import com.closureconsole.checklist.Quota;
import com.closureconsole.checklist.Refusal;
import com.closureconsole.checklist.SentChecklist;
import com.closureconsole.closure.EligibilityReport;
import com.closureconsole.notification.CustomerMessages;
import com.closureconsole.ui.Formats;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Scope;

/**
 * On the account view: the button that previews the customer's checklist (enabled when something
 * blocks closure and the daily limit allows, with the reason in words when not; placed by the view
 * among its actions, {@link #sendAction()}), and the checklists sent to the customer with time,
 * channel, masked destination, language, sender and delivery status.
 */
@SpringComponent
@Scope("prototype")
public class CustomerChecklistPanel extends VerticalLayout {

    final Button preview = new Button();
    final HorizontalLayout sendAction = new HorizontalLayout();
    final Span availability = new Span();
    /** The checklists sent, once an account that has any was shown; see {@link #sentGrid()}. */
    @Nullable Grid<SentChecklist> sent;
    final Paragraph none = new Paragraph();

    /** Why the panel's buttons have an account: they act only after {@link #show} showed one. */
    private static final String SHOWN = "the panel acts on the account it shows";

    private final CustomerChecklists checklists;
    private final Formats formats;
    /** The account shown and its check; none until the account view shows one. */
    private @Nullable String accountId;
    private @Nullable EligibilityReport report;

    public CustomerChecklistPanel(CustomerChecklists checklists, Formats formats) {
        this.checklists = checklists;
        this.formats = formats;
        setId("customer-checklist");
        addClassName("customer-checklist");
        setPadding(false);

        preview.setId("preview-checklist");
        preview.setText(getTranslation("checklist.preview"));
        preview.setIcon(VaadinIcon.ENVELOPE_O.create());
        preview.setDisableOnClick(true);
        preview.addClickListener(e -> openPreview());
        availability.setId("checklist-availability");
        availability.addClassName("checklist-availability");
        sendAction.add(preview, availability);
        sendAction.setId("checklist-send-action");
        sendAction.setAlignItems(FlexComponent.Alignment.CENTER);

        none.setId("no-checklists");
        none.setText(getTranslation("checklist.none"));

        Paragraph hint = new Paragraph(getTranslation("checklist.hint"));
        hint.addClassName("checklist-hint");
        add(new H3(getTranslation("checklist.title")), hint, none);
    }

    /**
     * The grid of sent checklists, made when the first account with any is shown: most accounts an
     * agent opens have none, and a grid with its columns is the heaviest part of a view.
     */
    private Grid<SentChecklist> sentGrid() {
        if (sent == null) {
            Grid<SentChecklist> sent = new Grid<>();
            sent.setId("sent-checklists");
            sent.setAllRowsVisible(true);
            sent.addColumn(c -> formats.dateTime(c.sentAt(), getLocale()) + " · " + formats.age(c.sentAt(), getLocale()))
                    .setHeader(getTranslation("checklist.column.sent")).setAutoWidth(true);
            sent.addColumn(c -> getTranslation("channel." + c.channel())).setHeader(getTranslation("checklist.column.channel"));
            sent.addColumn(SentChecklist::maskedRecipient).setHeader(getTranslation("checklist.column.recipient")).setAutoWidth(true);
            sent.addColumn(c -> getTranslation("checklist.language." + c.locale())).setHeader(getTranslation("checklist.column.language"));
            sent.addColumn(SentChecklist::sentBy).setHeader(getTranslation("checklist.column.sentBy"));
            sent.addColumn(this::delivery).setHeader(getTranslation("checklist.column.delivery")).setAutoWidth(true);
            addComponentAtIndex(indexOf(none), sent);
            this.sent = sent;
        }
        return sent;
    }

    /**
     * The preview button with its availability, for the account view to place beside its other
     * actions, where the agent looks once closure is blocked; the panel itself lists what was sent.
     */
    public HorizontalLayout sendAction() {
        return sendAction;
    }

    /** Shows the account's checklists and whether one can be sent, for the check the account view just made. */
    public void show(String accountId, EligibilityReport report) {
        this.accountId = accountId;
        this.report = report;
        Quota quota = checklists.quota(accountId);
        String reason = null;
        if (report.failedPreCheck() != null) {
            reason = getTranslation("checklist.unavailable." + Refusal.PRE_CHECK_FAILED);
        } else if (report.blockers().isEmpty()) {
            reason = getTranslation("checklist.unavailable." + Refusal.NOTHING_BLOCKS);
        } else if (quota.reached()) {
            reason = limitMessage(quota);
        }
        preview.setEnabled(reason == null);
        availability.setText(reason != null ? reason
                : getTranslation("checklist.quota", quota.sentInWindow(), quota.limit()));
        List<SentChecklist> history = checklists.forAccount(accountId);
        if (!history.isEmpty() || sent != null) {
            sentGrid().setItems(history);
            sentGrid().setVisible(!history.isEmpty());
        }
        none.setVisible(history.isEmpty());
    }

    private void openPreview() {
        ChecklistPreview current = checklists.preview(Objects.requireNonNull(accountId, SHOWN));
        if (current instanceof ChecklistPreview.Ready ready) {
            new ChecklistDialog(ready, checklists, this, this::refresh).open();
            preview.setEnabled(true);
        } else {
            Notification.show(unavailableMessage((ChecklistPreview.Unavailable) current))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            refresh();
        }
    }

    /** After a send: the quota and the list changed, the blockers did not. */
    private void refresh() {
        show(Objects.requireNonNull(accountId, SHOWN), Objects.requireNonNull(report, SHOWN));
    }

    String unavailableMessage(ChecklistPreview.Unavailable unavailable) {
        return unavailable.reason() == Refusal.LIMIT_REACHED ? limitMessage(unavailable.quota())
                : getTranslation("checklist.unavailable." + unavailable.reason());
    }

    /** "…already been sent 3 checklists in the last 24 hours … The next one can be sent from … (in 5 h 20 min)." */
    String limitMessage(Quota quota) {
        return getTranslation("checklist.limit", quota.sentInWindow(),
                formats.dateTime(quota.nextAllowedAt(), getLocale()),
                formats.fromNow(Objects.requireNonNull(quota.nextAllowedAt(), "a reached limit has one"), getLocale()));
    }

    private String delivery(SentChecklist checklist) {
        CustomerMessages.Status status = checklist.delivery();
        return switch (status.status()) {
            case "SENT" -> getTranslation("checklist.delivery.SENT", formats.dateTime(status.sentAt(), getLocale()));
            case "FAILED" -> getTranslation("checklist.delivery.FAILED", status.attempts(), status.lastError());
            default -> getTranslation("checklist.delivery.QUEUED", status.attempts(),
                    formats.dateTime(status.nextAttemptAt(), getLocale()));
        };
    }
}
