package com.closureconsole.ui.dashboard;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.closureconsole.closure.DecisionResult;
import com.closureconsole.closure.SubmissionResult;
import com.closureconsole.dashboard.Dashboard;
import com.closureconsole.dashboard.DashboardFigures;
import com.closureconsole.dashboard.TrailWriter;
import com.closureconsole.ui.KaribuTest;
import com.closureconsole.ui.error.AccessDeniedView;
import com.closureconsole.ui.i18n.Translations;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

class DashboardViewTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DashboardFigures figures;

    @BeforeEach
    void someActivity() {
        TrailWriter trail = new TrailWriter(jdbc);
        String account = TrailWriter.newAccountId();
        trail.check(account, "BALANCE_NOT_ZERO", "HUABEI_OPEN");
        trail.check(TrailWriter.newAccountId());
        trail.write("CLOSURE_SUBMIT", account, "BLOCKED", Map.of("refused", "NOT_ELIGIBLE"));
        trail.write("NOTIFICATION_DELIVERY", account, "FAILURE", Map.of("channel", "EMAIL", "willRetry", false));
        trail.awaitFolded(trail.awaitSealed());
    }

    private DashboardView open() {
        UI.getCurrent().navigate("dashboard");
        return _get(DashboardView.class);
    }

    private static String figure(DashboardView view, String key) {
        Div card = (Div) view.totals.getChildren().filter(c -> c.getId().orElse("").equals("dashboard-total-" + key))
                .findFirst().orElseThrow();
        return ((Span) card.getChildren().findFirst().orElseThrow()).getText();
    }

    /** Each bar row's label and figure, as read aloud. */
    private static List<String> rows(BarList bars) {
        List<Component> cells = bars.getChildren().toList();
        List<String> rows = new java.util.ArrayList<>();
        for (int i = 0; i + 2 < cells.size(); i += 3) {
            rows.add(((Span) cells.get(i)).getText() + ": " + ((Span) cells.get(i + 2)).getText());
        }
        return rows;
    }

    @Test
    void a_supervisor_reads_the_figures_of_the_last_30_days() {
        login("supervisor1", "SUPERVISOR");
        DashboardView view = open();
        Dashboard expected = figures.lastDays(30);

        assertThat(view.getPageTitle()).startsWith("Dashboard");
        assertThat(figure(view, "checked")).isEqualTo(String.format(Locale.ENGLISH, "%,d", expected.accountsChecked()));
        assertThat(figure(view, "refusals"))
                .isEqualTo(String.format(Locale.ENGLISH, "%,d", expected.refusals().stream().mapToLong(Dashboard.Refusals::count).sum()));
        assertThat(view.freshness.getText()).startsWith("Counted up to");
        assertThat(view.empty.isVisible()).isFalse();
        Dashboard.ConditionShare top = expected.conditions().get(0);
        assertThat(rows(view.sections.conditions)).hasSize(expected.conditions().size())
                .anyMatch(row -> row.startsWith("Balance or Jifenbao not zero: ") && row.contains(" accounts checked)"));
        assertThat(rows(view.sections.conditions).get(0))
                .contains(String.format(Locale.ENGLISH, "%,d of %,d accounts checked", top.accounts(), expected.accountsChecked()));
        assertThat(rows(view.sections.refusals)).anyMatch(row -> row.startsWith("Submission: blocked at the second check: "));
        assertThat(rows(view.sections.notifications)).anyMatch(row -> row.startsWith("Email: "));
    }

    @Test
    void the_closures_chart_is_svg_drawn_on_the_server_with_a_column_title_per_outcome() {
        login("supervisor1", "SUPERVISOR");
        DashboardView view = open();
        Dashboard expected = figures.lastDays(30);
        if (expected.closures().isEmpty()) {
            assertThat(view.sections.closures.getChildren().map(c -> ((HasText) c).getText()).toList())
                    .containsExactly("No closure was submitted or ended in this period.");
            return;
        }
        Html chart = _get(view.sections.closures, Html.class, spec -> { });
        // An svg element inside a div, which the browser's parser makes a real SVG element.
        assertThat(chart.getElement().getTag()).isEqualTo("div");
        assertThat(chart.getInnerHtml()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        assertThat(chart.getInnerHtml()).contains("<title>Closures per day by outcome</title>");
        for (Dashboard.ClosureOutcome outcome : List.of(Dashboard.ClosureOutcome.COMPLETED, Dashboard.ClosureOutcome.FAILED)) {
            long total = expected.total(outcome);
            assertThat(_get(view.sections.closures, Span.class, spec -> spec.withId("dashboard-closures-summary")).getText())
                    .contains(t("dashboard.outcome." + outcome.name()) + " " + String.format(Locale.ENGLISH, "%,d", total));
        }
    }

    @Test
    void the_period_can_be_shortened_to_a_week() {
        login("supervisor1", "SUPERVISOR");
        DashboardView view = open();
        view.period.setValue(7);
        Dashboard week = figures.lastDays(7);
        assertThat(week.from()).isEqualTo(week.to().minusDays(6));
        assertThat(figure(view, "checked")).isEqualTo(String.format(Locale.ENGLISH, "%,d", week.accountsChecked()));
        ButtonKt._click(view.refresh);
        assertThat(figure(view, "checked")).isEqualTo(String.format(Locale.ENGLISH, "%,d", figures.lastDays(7).accountsChecked()));
    }

    @Test
    void the_dashboard_speaks_chinese() {
        login("supervisor1", "SUPERVISOR");
        useLocale(Translations.CHINESE);
        DashboardView view = open();
        assertThat(view.getPageTitle()).startsWith("统计看板");
        assertThat(view.freshness.getText()).startsWith("已统计至");
        assertThat(rows(view.sections.conditions)).anyMatch(row -> row.startsWith("余额或集分宝不为零: "));
        assertThat(rows(view.sections.refusals)).anyMatch(row -> row.startsWith("提交: 二次检查未通过: "));
        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList()).contains("统计看板");
    }

    @Test
    void an_agent_is_refused_the_dashboard_and_does_not_see_it_in_the_menu() {
        login("agent1", "AGENT");
        UI.getCurrent().navigate("dashboard");
        _get(AccessDeniedView.class);
        assertThat(_find(DashboardView.class)).isEmpty();
        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList()).doesNotContain("Dashboard");
        assertThatThrownBy(() -> figures.lastDays(30)).as("the figures too").isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_period_with_nothing_says_so_in_every_section() {
        login("supervisor1", "SUPERVISOR");
        DashboardView view = open();
        LocalDate day = LocalDate.of(2020, 1, 1);
        Dashboard nothing = new Dashboard(day.minusDays(6), day, new Dashboard.Freshness(0, null, 0), List.of(), 0,
                List.of(), Optional.empty(), List.of(), List.of(), List.of(), List.of());
        view.sections.show(nothing, Translations.ENGLISH);
        assertThat(nothing.empty()).isTrue();
        assertThat(texts(view.sections.closures)).containsExactly("No closure was submitted or ended in this period.");
        assertThat(texts(view.sections.conditions)).containsExactly("No account was checked in this period.");
        assertThat(view.sections.timeToClose.getText()).isEqualTo("No closure completed in this period after a recorded check.");
        assertThat(texts(view.sections.refusals)).containsExactly("No closure attempt was refused in this period.");
        assertThat(texts(view.sections.notifications)).containsExactly("No customer notification was sent in this period.");
    }

    private static List<String> texts(Component container) {
        return container.getChildren().map(c -> ((HasText) c).getText()).toList();
    }

    @Test
    void every_refusal_reason_the_console_records_has_words() {
        Set<String> recorded = Stream.concat(Arrays.stream(SubmissionResult.Refusal.values()),
                Arrays.stream(DecisionResult.Refusal.values())).map(Enum::name).collect(Collectors.toSet());
        assertThat(DashboardSections.KNOWN_REFUSALS).isEqualTo(recorded);
        for (String reason : recorded) {
            assertThat(t("dashboard.refusal." + reason)).doesNotStartWith("!");
        }
    }
}
