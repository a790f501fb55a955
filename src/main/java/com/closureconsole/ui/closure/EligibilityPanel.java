package com.closureconsole.ui.closure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.closureconsole.account.Money;
import com.closureconsole.closure.EligibilityReport;
import com.closureconsole.closure.PreCheck;
import com.closureconsole.closure.conditions.Blocker;
import com.closureconsole.closure.conditions.BlockingObject;
import com.closureconsole.ui.Formats;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

/**
 * The verdict first ("Can be closed" / "Cannot be closed yet: 3 things to do"), then the
 * pre-checks, then the ten conditions as a checklist: passed ones muted, blocking ones expanded
 * with what blocks (and its figures), what the customer does, and when it lifts by itself.
 *
 * <p>An agent keeps many accounts open, so the panel is lean: a passed line is one element whose
 * mark is drawn by the theme from its class, not an icon component beside a text component.
 */
public class EligibilityPanel extends Div {

    final Paragraph verdict = new Paragraph();
    final UnorderedList preChecks = new UnorderedList();
    final Div conditions = new Div();

    private final Formats formats;

    public EligibilityPanel(Formats formats) {
        this.formats = formats;
        setId("eligibility-panel");
        addClassName("eligibility-panel");
        verdict.setId("verdict");
        verdict.addClassName("verdict");
        preChecks.setId("pre-checks");
        preChecks.addClassName("checklist");
        conditions.setId("conditions");
        conditions.addClassName("checklist");
        add(verdict, new H3(getTranslation("eligibility.preChecks")), preChecks,
                new H3(getTranslation("eligibility.conditions")), conditions);
    }

    public void show(EligibilityReport report) {
        verdict.removeClassNames("closable", "blocked");
        if (report.failedPreCheck() != null) {
            verdict.setText(getTranslation("eligibility.verdict.refused",
                    getTranslation("precheck." + report.failedPreCheck() + ".failed")));
            verdict.addClassName("blocked");
        } else if (report.closable()) {
            verdict.setText(getTranslation("eligibility.verdict.closable"));
            verdict.addClassName("closable");
        } else {
            verdict.setText(getTranslation("eligibility.verdict.blocked", report.blockers().size()));
            verdict.addClassName("blocked");
        }

        preChecks.removeAll();
        for (PreCheck check : PreCheck.values()) {
            boolean failed = check == report.failedPreCheck();
            boolean reached = report.passed(check) || failed;
            // The mark (passed, failed, not reached) comes from the class, in CSS: one element a line, not three.
            ListItem item = new ListItem(getTranslation(failed ? "precheck." + check + ".failed" : "precheck." + check));
            item.setId("precheck-" + check);
            item.addClassName(failed ? "failed" : reached ? "passed" : "not-reached");
            preChecks.add(item);
        }

        conditions.removeAll();
        conditions.setVisible(report.failedPreCheck() == null);
        for (EligibilityReport.ConditionResult result : report.conditions()) {
            Blocker blocker = result.blocker();
            conditions.add(blocker == null ? passed(result) : blocking(blocker));
        }
    }

    private Div passed(EligibilityReport.ConditionResult result) {
        Div row = new Div(result.code().number() + ". " + getTranslation("condition." + result.code() + ".title"));
        row.setId("condition-" + result.code());
        row.addClassNames("condition", "passed");
        return row;
    }

    private Details blocking(Blocker blocker) {
        Span summary = new Span(blocker.code().number() + ". " + getTranslation("condition." + blocker.code() + ".title"));
        Details details = new Details(summary);
        details.setId("condition-" + blocker.code());
        details.addClassNames("condition", "blocking");
        details.setOpened(true);

        UnorderedList objects = new UnorderedList();
        objects.addClassName("blocking-objects");
        for (BlockingObject object : blocker.objects()) {
            objects.add(new ListItem(describe(object)));
        }
        Paragraph code = new Paragraph(getTranslation("eligibility.code", blocker.code().name()));
        code.addClassName("blocker-code");
        Paragraph message = new Paragraph(getTranslation("condition." + blocker.code() + ".message"));
        message.addClassName("blocker-message");
        Paragraph remedy = new Paragraph(getTranslation("eligibility.remedy",
                getTranslation("condition." + blocker.code() + ".remedy")));
        remedy.addClassName("blocker-remedy");
        Paragraph lifts = new Paragraph(lifting(blocker));
        lifts.addClassName("blocker-lifts");
        if (blocker.liftsAt() != null && formats.soon(blocker.liftsAt())) {
            details.addClassName("lifts-soon");
        }
        details.add(message, objects, remedy, lifts, code);
        return details;
    }

    private String lifting(Blocker blocker) {
        if (blocker.liftsAt() != null) {
            return getTranslation("eligibility.lifts.at", formats.fromNow(blocker.liftsAt(), getLocale()),
                    formats.dateTime(blocker.liftsAt(), getLocale()));
        }
        return getTranslation(blocker.liftsByItself() ? "eligibility.lifts.whenFinished" : "eligibility.lifts.never");
    }

    /** The blocking object in words, its figures in the agent's formats. */
    String describe(BlockingObject object) {
        List<Object> args = new ArrayList<>();
        for (Map.Entry<String, Object> figure : object.figures().entrySet()) {
            args.add(format(object.kind(), figure.getKey(), figure.getValue()));
        }
        return getTranslation("blocking." + object.kind(), args.toArray());
    }

    private String format(String objectKind, String name, Object value) {
        if (value == null) {
            return getTranslation("eligibility.noEnd");
        } else if (value instanceof Money money) {
            return formats.money(money, getLocale());
        } else if (value instanceof Instant instant) {
            return formats.dateTime(instant, getLocale());
        } else if (value instanceof Long || value instanceof Integer) {
            return formats.number(((Number) value).longValue(), getLocale());
        } else if ("kind".equals(name)) {
            return getTranslation("kind." + objectKind + "." + value);
        }
        return String.valueOf(value);
    }
}
