package com.closureconsole.ui.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.closureconsole.dashboard.Dashboard;
import com.closureconsole.dashboard.DashboardFigures;
import com.closureconsole.ui.Formats;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * The supervisors' dashboard: the period to show, how fresh the figures are, totals, and one
 * section per question (closures, blocking conditions, time to close, refusals, notifications),
 * each with a sentence of its own when the period has nothing to show.
 */
@Route("dashboard")
@Menu(title = "nav.dashboard", order = 5, icon = "vaadin:chart")
@RolesAllowed("SUPERVISOR")
public class DashboardView extends VerticalLayout implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

    static final List<Integer> PERIODS = List.of(7, 30, 90);

    final Select<Integer> period = new Select<>();
    final Button refresh = new Button();
    final Span freshness = new Span();
    final Span empty = new Span();
    final Div totals = new Div();
    final DashboardSections sections;
    private final DashboardFigures figures;
    private final Formats formats;
    private final Clock clock;

    public DashboardView(DashboardFigures figures, Formats formats, Clock clock) {
        this.figures = figures;
        this.formats = formats;
        this.clock = clock;
        this.sections = new DashboardSections(formats);
        setId("dashboard-view");
        period.setId("dashboard-period");
        period.setLabel(getTranslation("dashboard.period"));
        period.setItems(PERIODS);
        period.setItemLabelGenerator(days -> getTranslation("dashboard.period.days", days));
        period.setValue(30);
        period.addValueChangeListener(e -> show());
        refresh.setId("dashboard-refresh");
        refresh.setText(getTranslation("dashboard.refresh"));
        refresh.setIcon(VaadinIcon.REFRESH.create());
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        refresh.addClickListener(e -> show());
        freshness.setId("dashboard-freshness");
        freshness.getStyle().set("color", "var(--lumo-secondary-text-color)");
        empty.setId("dashboard-empty");
        totals.setId("dashboard-totals");
        totals.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        HorizontalLayout bar = new HorizontalLayout(period, refresh, freshness);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        add(new H2(getTranslation("dashboard.title")), bar, empty, totals, sections);
    }

    /** On every arrival, also when Vaadin keeps this view (its menu entry chosen while it shows): the figures now. */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        show();
    }

    void show() {
        Dashboard dashboard = figures.lastDays(period.getValue() == null ? 30 : period.getValue());
        freshness.setText(freshness(dashboard.freshness()));
        empty.setText(getTranslation("dashboard.empty", period.getValue()));
        empty.setVisible(dashboard.empty());
        totals.removeAll();
        total("submitted", dashboard.total(Dashboard.ClosureOutcome.SUBMITTED));
        total("completed", dashboard.total(Dashboard.ClosureOutcome.COMPLETED));
        total("failed", dashboard.total(Dashboard.ClosureOutcome.FAILED));
        total("rejected", dashboard.total(Dashboard.ClosureOutcome.REJECTED));
        total("cancelled", dashboard.total(Dashboard.ClosureOutcome.CANCELLED));
        total("checked", dashboard.accountsChecked());
        total("refusals", dashboard.refusals().stream().mapToLong(Dashboard.Refusals::count).sum());
        total("notificationsFailed",
                dashboard.notifications().stream().mapToLong(Dashboard.ChannelFigures::failedForGood).sum());
        sections.show(dashboard, getLocale());
    }

    private void total(String key, long value) {
        Span figure = new Span(formats.number(value, getLocale()));
        figure.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        Span label = new Span(getTranslation("dashboard.total." + key));
        label.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Div card = new Div(figure, label);
        card.setId("dashboard-total-" + key);
        card.getStyle().set("display", "flex").set("flex-direction", "column").set("min-width", "8em")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)");
        totals.add(card);
    }

    private String freshness(Dashboard.Freshness fresh) {
        if (fresh.caughtUpAt() == null) {
            return getTranslation("dashboard.freshness.never");
        }
        long seconds = Math.max(0, Duration.between(fresh.caughtUpAt(), clock.instant()).getSeconds());
        String text = getTranslation("dashboard.freshness", formats.dateTime(fresh.caughtUpAt(), getLocale()),
                DashboardSections.duration(this, Duration.ofSeconds(seconds)));
        if (fresh.blocksBehind() > 0) {
            text += " " + getTranslation("dashboard.freshness.behind", fresh.blocksBehind());
        }
        return text;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dashboard.title") + " · " + getTranslation("app.name");
    }
}
