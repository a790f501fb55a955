package com.closureconsole.ui.closure;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.closureconsole.closure.ClosureRequestView;
import com.closureconsole.notification.Deliveries;
import com.closureconsole.notification.Delivery;
import com.closureconsole.ui.Formats;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Scope;

/**
 * Closure requests with their state, age, initiator, decision and the customer notification's
 * delivery status. Used in the account view and the requests and approvals views.
 */
@SpringComponent
@Scope("prototype")
public class ClosureRequestsGrid extends Grid<ClosureRequestsGrid.Row> {

    /** A request and its notification's delivery, if one was queued. */
    public record Row(ClosureRequestView request, @Nullable Delivery delivery) {
    }

    private final Deliveries deliveries;
    private final Formats formats;

    public ClosureRequestsGrid(Deliveries deliveries, Formats formats) {
        this.deliveries = deliveries;
        this.formats = formats;
        addClassName("closure-requests");
        addColumn(row -> row.request().accountId()).setHeader(getTranslation("requests.column.account")).setAutoWidth(true);
        addComponentColumn(row -> stateBadge(row.request())).setHeader(getTranslation("requests.column.state"));
        addColumn(row -> formats.dateTime(row.request().submittedAt(), getLocale()) + " · "
                + formats.age(row.request().submittedAt(), getLocale()))
                .setHeader(getTranslation("requests.column.submitted")).setAutoWidth(true);
        addColumn(row -> row.request().initiatedBy()).setHeader(getTranslation("requests.column.initiator"));
        addColumn(row -> getTranslation("reason." + row.request().reasonCode())
                + (row.request().reasonText() == null ? "" : ": " + row.request().reasonText()))
                .setHeader(getTranslation("requests.column.reason"));
        addColumn(this::decision).setHeader(getTranslation("requests.column.decision"));
        addColumn(this::delivery).setHeader(getTranslation("requests.column.notification"));
    }

    public void show(List<ClosureRequestView> requests) {
        Map<UUID, Delivery> sent = deliveries.forRequests(requests.stream().map(ClosureRequestView::id).toList());
        setItems(requests.stream().map(r -> new Row(r, sent.get(r.id()))).toList());
    }

    private Span stateBadge(ClosureRequestView request) {
        Span badge = new Span(getTranslation("state." + request.state()));
        String theme = switch (request.state()) {
            case COMPLETED -> "badge success";
            case REJECTED, FAILED -> "badge error";
            case CANCELLED -> "badge contrast";
            default -> "badge";
        };
        badge.getElement().getThemeList().add(theme);
        return badge;
    }

    private String decision(Row row) {
        ClosureRequestView r = row.request();
        if (r.failureReason() != null) {
            return getTranslation("requests.failedBecause", r.failureReason());
        }
        if (r.dueAt() != null && r.state() == com.closureconsole.closure.ClosureState.COOLING_OFF) {
            return getTranslation("requests.dueAt", formats.dateTime(r.dueAt(), getLocale()));
        }
        if (r.decidedBy() == null) {
            return "";
        }
        return r.decidedBy() + (r.decisionReason() == null ? "" : ": " + r.decisionReason());
    }

    private String delivery(Row row) {
        Delivery d = row.delivery();
        if (d == null) {
            return getTranslation("requests.notification.none");
        }
        return getTranslation("requests.notification." + d.status(), getTranslation("channel." + d.channel()),
                d.maskedRecipient(), d.attempts());
    }
}
