package com.closureconsole.ui.closure;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;

import com.closureconsole.closure.ClosureState;
import com.closureconsole.closure.ClosureDecisions;
import com.closureconsole.closure.ClosureQueries;
import com.closureconsole.closure.DecisionResult;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The closure requests queue: state, age, initiator, notification; cancel within cooling-off. */
@Route("closures")
@Menu(title = "nav.closures", order = 2, icon = "vaadin:list")
@PermitAll
public class ClosureRequestsView extends VerticalLayout implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

    final ClosureRequestsGrid grid;
    final Button cancelRequest = new Button();
    private final ClosureDecisions decisions;
    private final ClosureQueries queries;
    private final Clock clock;

    public ClosureRequestsView(ClosureRequestsGrid grid, ClosureDecisions decisions, ClosureQueries queries, Clock clock) {
        this.grid = grid;
        this.decisions = decisions;
        this.queries = queries;
        this.clock = clock;
        setId("closure-requests-view");
        setSizeFull();
        grid.setId("closure-requests");
        cancelRequest.setId("cancel-request");
        cancelRequest.setText(getTranslation("requests.cancel"));
        cancelRequest.setEnabled(false);
        cancelRequest.addClickListener(e -> selected().ifPresent(row -> new DecisionDialog(
                getTranslation("requests.cancel.title", row.request().accountId()),
                getTranslation("requests.cancel.explain"), getTranslation("requests.cancel"), false,
                reason -> cancel(row, reason)).open()));
        grid.asSingleSelect().addValueChangeListener(e -> cancelRequest.setEnabled(cancellable(e.getValue())));
        add(new H2(getTranslation("requests.title")), new HorizontalLayout(cancelRequest), grid);
    }

    /** On every arrival, also when Vaadin keeps this view (its menu entry chosen while it shows): what is current now. */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        refresh();
    }

    private Optional<ClosureRequestsGrid.Row> selected() {
        return Optional.ofNullable(grid.asSingleSelect().getValue());
    }

    private boolean cancellable(ClosureRequestsGrid.Row row) {
        return row != null && row.request().cancellableAt(clock.instant());
    }

    private void cancel(ClosureRequestsGrid.Row row, String reason) {
        DecisionResult result = decisions.cancel(row.request().id(), reason);
        String done = getTranslation("requests.cancelled", row.request().accountId());
        if (result instanceof DecisionResult.Refused refused) {
            Notification.show(DecisionDialog.refused(this, refused)).addThemeVariants(NotificationVariant.LUMO_ERROR);
        } else if (result instanceof DecisionResult.AccountUnchanged unchanged) {
            Notification.show(done + " " + DecisionDialog.accountUnchanged(this, unchanged))
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
        } else {
            Notification.show(done).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
        refresh();
    }

    void refresh() {
        grid.show(queries.recent(EnumSet.noneOf(ClosureState.class), 200));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("requests.title") + " · " + getTranslation("app.name");
    }
}
