package com.closureconsole.ui.closure;

import java.util.EnumSet;
import java.util.Objects;
import java.util.function.Consumer;

import com.closureconsole.closure.ClosureRequestView;
import com.closureconsole.closure.ClosureState;
import com.closureconsole.closure.ClosureDecisions;
import com.closureconsole.closure.ClosureQueries;
import com.closureconsole.closure.DecisionResult;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * Supervisors approve or reject closures awaiting a second pair of eyes, never their own; below,
 * the customer notifications that could not be delivered, to send again.
 */
@Route("approvals")
@Menu(title = "nav.approvals", order = 3, icon = "vaadin:check-square-o")
@RolesAllowed("SUPERVISOR")
public class ApprovalsView extends VerticalLayout implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

    final ClosureRequestsGrid grid;
    final UndeliveredNotificationsPanel undelivered;
    final Button approve = new Button();
    final Button reject = new Button();
    private final ClosureDecisions decisions;
    private final ClosureQueries queries;

    public ApprovalsView(ClosureRequestsGrid grid, UndeliveredNotificationsPanel undelivered, ClosureDecisions decisions,
                         ClosureQueries queries) {
        this.grid = grid;
        this.undelivered = undelivered;
        this.decisions = decisions;
        this.queries = queries;
        setId("approvals-view");
        setSizeFull();
        grid.setId("approvals");
        approve.setId("approve");
        approve.setText(getTranslation("approvals.approve"));
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        reject.setId("reject");
        reject.setText(getTranslation("approvals.reject"));
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        approve.addClickListener(e -> decide(false));
        reject.addClickListener(e -> decide(true));
        grid.asSingleSelect().addValueChangeListener(e -> {
            approve.setEnabled(e.getValue() != null);
            reject.setEnabled(e.getValue() != null);
        });
        approve.setEnabled(false);
        reject.setEnabled(false);
        add(new H2(getTranslation("approvals.title")), new HorizontalLayout(approve, reject), grid, undelivered);
    }

    /** On every arrival, also when Vaadin keeps this view (its menu entry chosen while it shows): what is current now. */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        refresh();
        undelivered.refresh();
    }

    private void decide(boolean rejecting) {
        ClosureRequestsGrid.Row row = grid.asSingleSelect().getValue();
        if (row == null) {
            return;
        }
        String accountId = row.request().accountId();
        Consumer<String> action = reason -> run(() -> rejecting
                ? decisions.reject(row.request().id(), reason) : decisions.approve(row.request().id(), reason));
        new DecisionDialog(getTranslation(rejecting ? "approvals.reject.title" : "approvals.approve.title", accountId),
                getTranslation(rejecting ? "approvals.reject.explain" : "approvals.approve.explain"),
                getTranslation(rejecting ? "approvals.reject" : "approvals.approve"), rejecting, action).open();
    }

    private void run(java.util.function.Supplier<DecisionResult> decision) {
        DecisionResult result = decision.get();
        if (result instanceof DecisionResult.Refused refused) {
            Notification.show(DecisionDialog.refused(this, refused)).addThemeVariants(NotificationVariant.LUMO_ERROR);
        } else {
            ClosureRequestView request = Objects.requireNonNull(result.request(), "a decision made names its request");
            String done = getTranslation("approvals.done." + request.state(), request.accountId());
            if (result instanceof DecisionResult.AccountUnchanged unchanged) {
                Notification.show(done + " " + DecisionDialog.accountUnchanged(this, unchanged))
                        .addThemeVariants(NotificationVariant.LUMO_WARNING);
            } else {
                Notification.show(done).addThemeVariants(request.state() == ClosureState.FAILED
                        ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
            }
        }
        refresh();
    }

    void refresh() {
        grid.show(queries.recent(EnumSet.of(ClosureState.AWAITING_APPROVAL), 200));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("approvals.title") + " · " + getTranslation("app.name");
    }
}
