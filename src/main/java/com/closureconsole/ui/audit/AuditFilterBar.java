package com.closureconsole.ui.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import com.closureconsole.audit.AuditAction;
import com.closureconsole.audit.AuditFilter;
import com.closureconsole.audit.AuditOutcome;
import com.closureconsole.shared.AccountIds;
import com.closureconsole.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;

/**
 * The audit browser's filters. Any change applies at once when the filter is valid; a wrong value
 * gets its message beside the field and runs no query.
 *
 * <p>Text in the details is searched one day at a time: the newest day of the chosen range (the
 * last day before now when no end is chosen), which the bar names in words, with a button to the
 * day before. A term found nowhere then costs a look at one day's entries, not at the whole
 * trail, so every term answers as fast as the grid's other filters at any size of the trail. An
 * export still covers the whole range as entered.
 */
class AuditFilterBar extends Composite<VerticalLayout> {

    /** How much of the trail one text search covers. */
    static final Duration TEXT_WINDOW = Duration.ofDays(1);

    final DateTimePicker from = new DateTimePicker();
    final DateTimePicker to = new DateTimePicker();
    final TextField actor = new TextField();
    final TextField account = new TextField();
    final ComboBox<AuditAction> action = new ComboBox<>();
    final Select<AuditOutcome> outcome = new Select<>();
    final TextField text = new TextField();
    final Button clear = new Button();
    final Span zoneHint = new Span();
    final HorizontalLayout closureBar = new HorizontalLayout();
    final Span closureLabel = new Span();
    final Button showAll = new Button();
    final HorizontalLayout textWindowBar = new HorizontalLayout();
    final Span textWindow = new Span();
    final Button earlier = new Button();

    private final Consumer<AuditFilter> onChange;
    private final Clock clock;
    private @Nullable Instant windowStart;
    private @Nullable UUID closure;
    private boolean quiet;

    private final Formats formats;

    AuditFilterBar(Formats formats, Consumer<AuditFilter> onChange, Clock clock) {
        this.formats = formats;
        this.onChange = onChange;
        this.clock = clock;
        setUp(from, "audit-filter-from", "audit.filter.from");
        setUp(to, "audit-filter-to", "audit.filter.to");
        setUp(actor, "audit-filter-actor", "audit.filter.actor");
        setUp(account, "audit-filter-account", "audit.filter.account");
        account.setAllowedCharPattern("[0-9]");
        account.setMaxLength(AccountIds.LENGTH);
        setUp(action, "audit-filter-action", "audit.filter.action");
        action.setItems(AuditActions.ALL);
        action.setItemLabelGenerator(value -> getTranslation("action." + value.name()));
        action.setClearButtonVisible(true);
        setUp(outcome, "audit-filter-outcome", "audit.filter.outcome");
        outcome.setItems(AuditOutcome.values());
        outcome.setItemLabelGenerator(value -> value == null ? getTranslation("audit.filter.any")
                : getTranslation("outcome." + value.name()));
        outcome.setEmptySelectionAllowed(true);
        outcome.setEmptySelectionCaption(getTranslation("audit.filter.any"));
        setUp(text, "audit-filter-text", "audit.filter.text");
        actor.setClearButtonVisible(true);
        account.setClearButtonVisible(true);
        text.setClearButtonVisible(true);

        clear.setText(getTranslation("audit.filter.clear"));
        clear.setId("audit-filter-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clear.addClickListener(click -> clearAll());

        closureBar.setId("audit-closure-filter");
        closureBar.setVisible(false);
        closureBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        closureLabel.getElement().getThemeList().add("badge");
        showAll.setText(getTranslation("audit.filter.closure.clear"));
        showAll.setId("audit-closure-filter-clear");
        showAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        showAll.addClickListener(click -> clearAll());
        closureBar.add(closureLabel, showAll);

        textWindowBar.setId("audit-text-window");
        textWindowBar.setVisible(false);
        textWindowBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        textWindow.setId("audit-text-window-range");
        earlier.setText(getTranslation("audit.filter.textWindow.earlier"));
        earlier.setId("audit-text-window-earlier");
        earlier.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        earlier.addClickListener(click -> to.setValue(formats.local(windowStart)));
        textWindowBar.add(textWindow, earlier);

        zoneHint.addClassName("audit-zone-hint");
        HorizontalLayout fields = new HorizontalLayout(from, to, actor, account, action, outcome, text, clear);
        fields.setWrap(true);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        getContent().setPadding(false);
        getContent().setSpacing(false);
        getContent().add(fields, zoneHint, textWindowBar, closureBar);
        showZone();
    }

    private <F extends Component & HasValue<?, ?> & HasLabel> void setUp(F field, String id, String label) {
        field.setId(id);
        field.setLabel(getTranslation(label));
        field.addValueChangeListener(event -> {
            if (!quiet) {
                // Any filter of the bar's own leaves the one-closure view.
                closure = null;
                closureBar.setVisible(false);
                apply();
            }
        });
    }

    /** Times in the pickers are in the console's time zone, which the hint names. */
    private void showZone() {
        from.setLocale(getLocale());
        to.setLocale(getLocale());
        zoneHint.setText(getTranslation("audit.filter.zone", formats.zoneName()));
    }

    /**
     * On arriving at the audit view, also when Vaadin keeps it (its menu entry chosen while it shows):
     * the filters as on a new view, with the account the address names, if any.
     */
    void arrive(String accountId) {
        quiet = true;
        try {
            clearFields();
            account.setValue(accountId);
        } finally {
            quiet = false;
        }
        closure = null;
        closureBar.setVisible(false);
        apply();
    }

    /** Shows the steps of one closure only, until cleared. */
    void showClosure(UUID correlationId) {
        quiet = true;
        try {
            clearFields();
        } finally {
            quiet = false;
        }
        closure = correlationId;
        closureLabel.setText(getTranslation("audit.filter.closure", correlationId.toString()));
        closureBar.setVisible(true);
        apply();
    }

    /** The filter as entered, or empty (with messages beside the wrong fields) when it is not valid. */
    Optional<AuditFilter> read() {
        List.<HasValidation>of(to, actor, account, text).forEach(field -> field.setInvalid(false));
        if (closure != null) {
            return Optional.of(AuditFilter.closureTrail(closure));
        }
        if (from.isInvalid() || to.isInvalid()) {
            return Optional.empty();
        }
        Instant start = instant(from.getValue());
        Instant end = instant(to.getValue());
        List<AuditFilter.Problem> problems = AuditFilter.check(start, end, actor.getValue(), account.getValue(), text.getValue());
        for (AuditFilter.Problem problem : problems) {
            HasValidation field = switch (problem.field()) {
                case FROM -> from;
                case TO -> to;
                case ACTOR -> actor;
                case ACCOUNT -> account;
                case TEXT -> text;
            };
            field.setErrorMessage(getTranslation("audit.filter.problem." + problem.code()));
            field.setInvalid(true);
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AuditFilter(start, end, actor.getValue(), account.getValue(), action.getValue(),
                outcome.getValue(), text.getValue(), null));
    }

    /**
     * The filter the grid browses: {@link #read() as entered}, but a text search covers
     * {@link #TEXT_WINDOW} at most, the newest of the range, named beside the filters.
     */
    Optional<AuditFilter> browsing() {
        Optional<AuditFilter> entered = read();
        if (entered.isEmpty()) {
            return entered;
        }
        AuditFilter filter = entered.get();
        if (filter.text() == null || filter.correlationId() != null) {
            textWindowBar.setVisible(false);
            return entered;
        }
        Instant end = filter.to() != null ? filter.to() : clock.instant();
        Instant start = end.minus(TEXT_WINDOW);
        boolean older = filter.from() == null || filter.from().isBefore(start);
        windowStart = older ? start : filter.from();
        textWindow.setText(getTranslation(filter.to() != null ? "audit.filter.textWindow" : "audit.filter.textWindow.now",
                formats.moment(windowStart, getLocale()), formats.moment(end, getLocale())));
        earlier.setVisible(older);
        textWindowBar.setVisible(true);
        return Optional.of(new AuditFilter(windowStart, filter.to(), filter.actor(), filter.accountId(), filter.action(),
                filter.outcome(), filter.text(), null));
    }

    private void apply() {
        browsing().ifPresent(onChange);
    }

    private void clearAll() {
        quiet = true;
        try {
            clearFields();
        } finally {
            quiet = false;
        }
        closure = null;
        closureBar.setVisible(false);
        apply();
    }

    private void clearFields() {
        from.clear();
        to.clear();
        actor.clear();
        account.clear();
        action.clear();
        outcome.clear();
        text.clear();
    }

    private @Nullable Instant instant(@Nullable LocalDateTime value) {
        return formats.instant(value);
    }
}
