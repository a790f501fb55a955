package com.closureconsole.ui.audit;

import java.time.Clock;
import java.util.Optional;

import com.closureconsole.audit.AuditCursor;
import com.closureconsole.audit.AuditEntry;
import com.closureconsole.audit.AuditExport;
import com.closureconsole.audit.AuditFilter;
import com.closureconsole.audit.AuditIntegrity;
import com.closureconsole.audit.AuditTrail;
import com.closureconsole.audit.EvidenceBundles;
import com.closureconsole.ui.Formats;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

/**
 * The supervisors' audit browser: filters above a lazily loaded grid of entries, newest first;
 * the selected entry in a side panel; export and integrity check with progress.
 */
@Route("audit")
@Menu(title = "nav.audit", order = 4, icon = "vaadin:records")
@RolesAllowed("SUPERVISOR")
public class AuditView extends VerticalLayout implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

    /** {@code audit?account=2088…} opens the trail filtered to one account (linked from the account view). */
    static final String ACCOUNT_PARAMETER = "account";

    final AuditFilterBar filters;
    final Grid<AuditEntry> grid = new Grid<>();
    final AuditEntryPanel panel;
    final AuditJobsPanel jobs;

    private final KeysetPages pages;
    private AuditFilter filter = AuditFilter.ALL;
    private final AuditFormat format;

    public AuditView(AuditTrail trail, AuditExport export, AuditIntegrity integrity, EvidenceBundles bundles,
                     Formats formats, Clock clock) {
        setId("audit-view");
        setSizeFull();
        filters = new AuditFilterBar(formats, this::useFilter, clock);
        format = new AuditFormat(this, getLocale(), formats);
        pages = new KeysetPages(new KeysetPages.Source() {
            @Override
            public java.util.List<AuditEntry> page(@Nullable AuditCursor after, int limit) {
                return trail.page(filter, after, limit);
            }

            @Override
            public Optional<AuditCursor> cursorAfter(@Nullable AuditCursor after, int rows) {
                return trail.cursorAfter(filter, after, rows);
            }
        });
        panel = new AuditEntryPanel(() -> format, filters::showClosure, () -> grid.deselectAll(), trail::proof, bundles);
        jobs = new AuditJobsPanel(export, integrity, filters::read, this::refresh);

        grid.setId("audit-grid");
        // Details are words: they wrap rather than end in an ellipsis at 1280 px.
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(entry -> format.time(entry.occurredAt())).setKey("time")
                .setHeader(getTranslation("audit.grid.time")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setKey("actor").setHeader(getTranslation("audit.grid.actor")).setAutoWidth(true);
        grid.addColumn(entry -> format.action(entry)).setKey("action").setHeader(getTranslation("audit.grid.action"))
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::accountId).setKey("account").setHeader(getTranslation("audit.grid.account"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::outcomeBadge).setKey("outcome").setHeader(getTranslation("audit.grid.outcome"))
                .setAutoWidth(true);
        grid.addColumn(entry -> format.details(entry)).setKey("details").setHeader(getTranslation("audit.grid.details"))
                .setFlexGrow(1).setTooltipGenerator(entry -> format.details(entry));
        grid.setEmptyStateText(getTranslation("audit.grid.empty"));
        // Undefined size: the grid never asks for a count, and each page is a seek (KeysetPages).
        grid.setItems(query -> pages.fetch(query.getOffset(), query.getLimit()));
        grid.asSingleSelect().addValueChangeListener(event -> panel.show(event.getValue()));

        HorizontalLayout body = new HorizontalLayout(grid, panel);
        body.setSizeFull();
        body.expand(grid);
        add(new H2(getTranslation("audit.title")), filters, jobs, body);
        expand(body);
    }

    private Span outcomeBadge(AuditEntry entry) {
        Span badge = new Span(format.outcome(entry.outcome()));
        badge.getElement().getThemeList().add(AuditFormat.badge(entry.outcome()));
        return badge;
    }

    private void useFilter(AuditFilter chosen) {
        filter = chosen;
        refresh();
    }

    /** Reloads from the newest entry, forgetting remembered positions (new entries may have arrived). */
    void refresh() {
        pages.reset();
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
    }

    AuditFilter filter() {
        return filter;
    }

    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        filters.arrive(event.getLocation().getQueryParameters().getSingleParameter(ACCOUNT_PARAMETER).orElse(""));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · " + getTranslation("app.name");
    }
}
