package com.closureconsole.ui.dashboard;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.closureconsole.closure.conditions.ConditionCode;
import com.closureconsole.dashboard.Dashboard;
import com.closureconsole.dashboard.Dashboard.ClosureOutcome;
import com.closureconsole.ui.Formats;
import com.closureconsole.ui.i18n.Translations;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The dashboard's five sections, each a chart or bars with its figures in words, or a sentence saying there is nothing. */
class DashboardSections extends VerticalLayout {

    /** Refusal reasons the console records (SubmissionResult and DecisionResult); others are shown as recorded. */
    static final Set<String> KNOWN_REFUSALS = Set.of("NOT_ELIGIBLE", "ALREADY_IN_PROGRESS", "INCOMPLETE",
            "IDENTITY_NOT_VERIFIED", "WRONG_VERIFICATION_METHOD", "GIVE_UP_NOT_CONFIRMED", "CONFIRMATION_OUTDATED",
            "REASON_TEXT_REQUIRED", "REASON_TEXT_TOO_LONG", "REASON_TOO_LONG", "NO_SUCH_REQUEST", "SELF_APPROVAL", "ALREADY_DECIDED",
            "TOO_LATE_TO_CANCEL", "REASON_REQUIRED");
    static final Set<String> KNOWN_ACTIONS = Set.of("CLOSURE_SUBMIT", "CLOSURE_APPROVE", "CLOSURE_REJECT",
            "CLOSURE_CANCEL");
    private static final Map<ClosureOutcome, String> COLORS = new LinkedHashMap<>();

    static {
        COLORS.put(ClosureOutcome.COMPLETED, "var(--lumo-success-color)");
        COLORS.put(ClosureOutcome.FAILED, "var(--lumo-error-color)");
        COLORS.put(ClosureOutcome.REJECTED, "#c77c02");
        COLORS.put(ClosureOutcome.CANCELLED, "var(--lumo-contrast-50pct)");
    }

    final Div closures = new Div();
    final BarList conditions = new BarList();
    final Span timeToClose = new Span();
    final Div timeChart = new Div();
    final BarList refusals = new BarList();
    final BarList notifications = new BarList();
    private final Formats formats;

    DashboardSections(Formats formats) {
        this.formats = formats;
        setPadding(false);
        closures.setId("dashboard-closures");
        conditions.setId("dashboard-conditions");
        timeToClose.setId("dashboard-time-to-close");
        timeChart.setId("dashboard-time-chart");
        refusals.setId("dashboard-refusals");
        notifications.setId("dashboard-notifications");
        closures.setWidthFull();
        timeChart.setWidthFull();
        add(section("closures", closures), section("conditions", conditions),
                section("timeToClose", timeToClose, timeChart), section("refusals", refusals),
                section("notifications", notifications));
    }

    private Component section(String key, Component... content) {
        VerticalLayout section = new VerticalLayout(new H3(getTranslation("dashboard.section." + key)));
        section.add(content);
        section.setPadding(false);
        section.setSpacing(false);
        return section;
    }

    void show(Dashboard dashboard, Locale locale) {
        List<LocalDate> days = dashboard.from().datesUntil(dashboard.to().plusDays(1)).toList();
        DateTimeFormatter dayLabel = DateTimeFormatter.ofPattern(getTranslation("dashboard.chart.day"),
                Translations.supported(locale));
        List<String> labels = days.stream().map(dayLabel::format).toList();
        showClosures(dashboard, days, labels);
        showConditions(dashboard, locale);
        showTimes(dashboard, days, labels);
        showRefusals(dashboard, locale);
        showNotifications(dashboard, locale);
    }

    private void showClosures(Dashboard dashboard, List<LocalDate> days, List<String> labels) {
        closures.removeAll();
        if (dashboard.closures().isEmpty()) {
            closures.add(nothing("closures"));
            return;
        }
        Map<LocalDate, Dashboard.ClosureDay> byDay = dashboard.closures().stream()
                .collect(Collectors.toMap(Dashboard.ClosureDay::day, d -> d));
        ColumnChart chart = new ColumnChart(getTranslation("dashboard.section.closures"), labels, true);
        List<String> legend = new ArrayList<>();
        COLORS.forEach((outcome, color) -> {
            double[] values = days.stream().mapToDouble(d -> byDay.containsKey(d) ? byDay.get(d).count(outcome) : 0)
                    .toArray();
            String name = getTranslation("dashboard.outcome." + outcome.name());
            chart.add(new ColumnChart.Series(name, color, values));
            legend.add(name + " " + formats.number(dashboard.total(outcome), getLocale()));
        });
        Span summary = new Span(getTranslation("dashboard.closures.summary",
                formats.number(dashboard.total(ClosureOutcome.SUBMITTED), getLocale()), String.join(" · ", legend)));
        summary.setId("dashboard-closures-summary");
        closures.add(chart(chart), summary);
    }

    private void showConditions(Dashboard dashboard, Locale locale) {
        conditions.removeAll();
        if (dashboard.conditions().isEmpty()) {
            conditions.add(nothing(dashboard.accountsChecked() == 0 ? "conditions" : "conditions.none"));
            return;
        }
        Set<String> known = Arrays.stream(ConditionCode.values()).map(Enum::name).collect(Collectors.toSet());
        double top = dashboard.conditions().get(0).share();
        for (Dashboard.ConditionShare share : dashboard.conditions()) {
            String label = known.contains(share.code()) ? getTranslation("dashboard.condition." + share.code())
                    : share.code();
            conditions.add(label, top == 0 ? 0 : share.share() / top, getTranslation("dashboard.conditions.figure",
                    percent(share.share(), locale), formats.number(share.accounts(), locale),
                    formats.number(dashboard.accountsChecked(), locale)));
        }
    }

    private void showTimes(Dashboard dashboard, List<LocalDate> days, List<String> labels) {
        timeChart.removeAll();
        if (dashboard.timeToClose().isEmpty()) {
            timeToClose.setText(getTranslation("dashboard.nothing.timeToClose"));
            return;
        }
        Dashboard.TimeToClose period = dashboard.timeToClose().get();
        timeToClose.setText(getTranslation("dashboard.timeToClose.summary", duration(this, period.median()),
                duration(this, period.p90()), formats.number(period.closures(), getLocale())));
        Map<LocalDate, Dashboard.TimeToClose> byDay = dashboard.timeToCloseByDay().stream()
                .collect(Collectors.toMap(Dashboard.DayTimeToClose::day, Dashboard.DayTimeToClose::time));
        long longest = byDay.values().stream().mapToLong(t -> t.p90().toMillis()).max().orElse(0);
        String unit = longest < 120_000 ? "seconds" : longest < 7_200_000 ? "minutes" : longest < 172_800_000 ? "hours" : "days";
        double perUnit = switch (unit) {
            case "seconds" -> 1_000;
            case "minutes" -> 60_000;
            case "hours" -> 3_600_000;
            default -> 86_400_000;
        };
        ColumnChart chart = new ColumnChart(getTranslation("dashboard.section.timeToClose"), labels, false)
                .format(value -> getTranslation("dashboard.unit." + unit, Math.round(value * 10) / 10.0));
        for (String which : List.of("median", "p90")) {
            double[] values = days.stream().mapToDouble(d -> {
                Dashboard.TimeToClose t = byDay.get(d);
                return t == null ? 0 : ("median".equals(which) ? t.median() : t.p90()).toMillis() / perUnit;
            }).toArray();
            chart.add(new ColumnChart.Series(getTranslation("dashboard.timeToClose." + which),
                    "median".equals(which) ? "var(--lumo-primary-color)" : "var(--lumo-primary-color-50pct)", values));
        }
        timeChart.add(chart(chart));
    }

    private void showRefusals(Dashboard dashboard, Locale locale) {
        refusals.removeAll();
        if (dashboard.refusals().isEmpty()) {
            refusals.add(nothing("refusals"));
            return;
        }
        long top = dashboard.refusals().get(0).count();
        for (Dashboard.Refusals refusal : dashboard.refusals()) {
            String action = KNOWN_ACTIONS.contains(refusal.action())
                    ? getTranslation("dashboard.action." + refusal.action()) : refusal.action();
            String reason = KNOWN_REFUSALS.contains(refusal.reason())
                    ? getTranslation("dashboard.refusal." + refusal.reason())
                    : getTranslation("dashboard.refusal.other", refusal.reason());
            refusals.add(action + ": " + reason, (double) refusal.count() / top, formats.number(refusal.count(), locale));
        }
    }

    private void showNotifications(Dashboard dashboard, Locale locale) {
        notifications.removeAll();
        if (dashboard.notifications().isEmpty()) {
            notifications.add(nothing("notifications"));
            return;
        }
        double top = dashboard.notifications().stream().mapToDouble(Dashboard.ChannelFigures::failureRate).max().orElse(0);
        for (Dashboard.ChannelFigures channel : dashboard.notifications()) {
            String name = Set.of("EMAIL", "SMS").contains(channel.channel())
                    ? getTranslation("channel." + channel.channel()) : channel.channel();
            notifications.add(name, top == 0 ? 0 : channel.failureRate() / top,
                    getTranslation("dashboard.notifications.figure", percent(channel.failureRate(), locale),
                            formats.number(channel.failedAttempts(), locale),
                            formats.number(channel.delivered() + channel.failedAttempts(), locale),
                            formats.number(channel.failedForGood(), locale), formats.number(channel.queued(), locale)));
        }
    }

    private Span nothing(String key) {
        Span nothing = new Span(getTranslation("dashboard.nothing." + key));
        nothing.addClassName("dashboard-nothing");
        nothing.getStyle().set("color", "var(--lumo-secondary-text-color)").set("grid-column", "1 / -1");
        return nothing;
    }

    private static String percent(double share, Locale locale) {
        NumberFormat format = NumberFormat.getPercentInstance(Translations.supported(locale));
        format.setMaximumFractionDigits(1);
        format.setMinimumFractionDigits(1);
        return format.format(share);
    }

    /** A duration in words: "45 s", "12 min", "3 h 5 min", "2 days 4 h". */
    static String duration(Component in, Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds < 60) {
            return in.getTranslation("dashboard.duration.seconds", seconds);
        }
        if (seconds < 3600) {
            return in.getTranslation("dashboard.duration.minutes", seconds / 60);
        }
        if (seconds < 86_400 * 2) {
            return in.getTranslation("dashboard.duration.hours", seconds / 3600, seconds % 3600 / 60);
        }
        return in.getTranslation("dashboard.duration.days", seconds / 86_400, seconds % 86_400 / 3600);
    }

    /**
     * The chart inside a {@code div}: the browser parses the markup of an element's content, so
     * the {@code svg} inside it becomes a real SVG element (an {@code svg} element created on its
     * own would be an unknown HTML element, and draw nothing).
     */
    private static Html chart(ColumnChart chart) {
        return new Html("<div class=\"dashboard-chart-frame\">" + chart.svg() + "</div>");
    }
}
