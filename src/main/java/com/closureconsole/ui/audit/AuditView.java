package com.closureconsole.ui.audit;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import com.closureconsole.audit.AuditCursor;
import com.closureconsole.audit.AuditEntry;
import com.closureconsole.audit.AuditExport;
import com.closureconsole.audit.AuditFilter;
import com.closureconsole.audit.AuditIntegrity;
import com.closureconsole.audit.AuditTrail;
import com.closureconsole.audit.EvidenceBundles;
import com.vaadin.flow.component.AttachEvent;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger log = LoggerFactory.getLogger(AuditView.class);

    final AuditFilterBar filters;
    final Grid<AuditEntry> grid = new Grid<>();
    final AuditEntryPanel panel;
    final AuditJobsPanel jobs;

    private final KeysetPages pages;
    private AuditFilter filter = AuditFilter.ALL;
    private AuditFormat format;

    public AuditView(AuditTrail trail, AuditExport export, AuditIntegrity integrity, EvidenceBundles bundles,
                     Clock clock) {
        setId("audit-view");
        filters = new AuditFilterBar(this::useFilter, clock);
        setSizeFull();
        format = new AuditFormat(this, getLocale(), ZoneOffset.UTC);
        pages = new KeysetPages(new KeysetPages.Source() {
            @Override
            public java.util.List<AuditEntry> page(AuditCursor after, int limit) {
                return trail.page(filter, after, limit);
            }

            @Override
            public Optional<AuditCursor> cursorAfter(AuditCursor after, int rows) {
                return trail.cursorAfter(filter, after, rows);
            }
        });
        panel = new AuditEntryPanel(() -> format, filters::showClosure, () -> grid.deselectAll(), trail::proof, bundles);
        jobs = new AuditJobsPanel(export, integrity, filters::read, this::refresh);

        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(entry -> format.time(entry.occurredAt())).setKey("time")
                .setHeader(getTranslation("audit.grid.time")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setKey("actor").setHeader(getTranslation("audit.grid.actor")).setAutoWidth(true);
        grid.addColumn(entry -> format.action(entry)).setKey("action").setHeader(getTranslation("audit.grid.action"))
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::accountId).setKey("account").setHeader(getTranslation("audit.grid.account"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::outcomeBadge).setKey("outcome").setHeader(getTranslation("audit.grid.outcome"))
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::detailsText).setKey("details").setHeader(getTranslation("audit.grid.details"))
                .setFlexGrow(1);
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

    /** Times are shown in the browser's time zone once it is known; UTC until then. */
    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().getPage().retrieveExtendedClientDetails(details -> {
            ZoneId zone = ZoneOffset.UTC;
            String id = details.getTimeZoneId();
            if (id != null && !id.isBlank()) {
                try {
                    zone = ZoneId.of(id);
                } catch (DateTimeException e) {
                    log.info("Browser time zone '{}' is unknown here; showing UTC", id, e);
                }
            }
            format = new AuditFormat(this, getLocale(), zone);
            filters.useZone(zone);
            refresh();
        });
    }

    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter(ACCOUNT_PARAMETER)
                .ifPresent(filters.account::setValue);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · " + getTranslation("app.name");
    }
}
