package com.closureconsole.ui.account;

import java.util.List;
import java.util.Map;

import com.closureconsole.account.AccountSearch;
import com.closureconsole.account.AccountSummary;
import com.closureconsole.account.SearchQuery;
import com.closureconsole.closure.EligibilityService;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;

/**
 * The agents' home: one search field for any way of naming an account. An exact hit opens the
 * account; otherwise results come into a lazily loaded grid with personal data masked.
 */
@Route("")
@Menu(title = "nav.accounts", order = 1, icon = "vaadin:search")
@PermitAll
public class AccountsView extends VerticalLayout implements HasDynamicTitle {

    /** A result row: the masked account and how many conditions block it. */
    record Row(AccountSummary account, int blockers) {
    }

    final TextField search = new TextField();
    final Button searchButton = new Button();
    final Paragraph emptyResult = new Paragraph();
    final Grid<Row> results = new Grid<>();
    /** The row whose cell has the keyboard focus, if any. */
    private @Nullable Row focusedRow;

    private final AccountSearch accountSearch;
    private final EligibilityService eligibility;

    public AccountsView(AccountSearch accountSearch, EligibilityService eligibility) {
        this.accountSearch = accountSearch;
        this.eligibility = eligibility;
        setId("accounts-view");
        setSizeFull();

        search.setId("account-search");
        search.setLabel(getTranslation("accounts.search.label"));
        search.setPlaceholder(getTranslation("accounts.search.placeholder"));
        search.setHelperText(getTranslation("accounts.search.hint"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setMaxLength(SearchQuery.MAX_LENGTH + 1);
        search.setWidthFull();
        search.setAutofocus(true);
        search.addKeyDownListener(Key.ENTER, e -> runSearch());
        search.addValueChangeListener(e -> search.setInvalid(false));

        searchButton.setText(getTranslation("accounts.search.button"));
        searchButton.setId("search-button");
        searchButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        searchButton.addClickListener(e -> runSearch());

        HorizontalLayout bar = new HorizontalLayout(search, searchButton);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);

        emptyResult.setId("empty-result");
        emptyResult.setVisible(false);

        configureGrid();
        results.setVisible(false);
        add(new H2(getTranslation("accounts.title")), bar, emptyResult, results);

        // "/" or Ctrl+K puts the cursor in the search field from anywhere on the page.
        Shortcuts.addShortcutListener(this, search::focus, Key.of("/")).listenOn(this);
        Shortcuts.addShortcutListener(this, search::focus, Key.KEY_K, KeyModifier.CONTROL).listenOn(this);
    }

    private void configureGrid() {
        results.setId("account-results");
        results.addColumn(row -> row.account().accountId()).setHeader(getTranslation("accounts.column.id")).setAutoWidth(true);
        results.addColumn(row -> row.account().maskedName()).setHeader(getTranslation("accounts.column.name"));
        results.addColumn(row -> row.account().maskedPhone()).setHeader(getTranslation("accounts.column.phone"));
        results.addColumn(row -> row.account().maskedEmail()).setHeader(getTranslation("accounts.column.email"));
        // Template renderers: a badge per row without two server-side components per row (with
        // component columns, 50 result rows cost an agent's UI about 300 KB more heap).
        results.addColumn(LitRenderer.<Row>of("<span class=\"status-badge\" theme=\"${item.theme}\">${item.text}</span>")
                        .withProperty("text", row -> getTranslation("status." + row.account().status()))
                        .withProperty("theme", row -> AccountBadges.statusTheme(row.account().status())))
                .setHeader(getTranslation("accounts.column.status"));
        results.addColumn(row -> getTranslation("identity." + row.account().identityType()))
                .setHeader(getTranslation("accounts.column.identity"));
        results.addColumn(LitRenderer.<Row>of("<span theme=\"${item.theme}\">${item.text}</span>")
                        .withProperty("text", this::blockerText)
                        .withProperty("theme", row -> row.blockers() == 0 ? "badge success" : "badge error"))
                .setHeader(getTranslation("accounts.column.blockers"));
        results.addItemClickListener(click -> open(click.getItem().account().accountId()));
        // Keyboard: arrow keys move the focused row (the grid's own navigation), Enter or Space opens it.
        results.addCellFocusListener(focus -> focusedRow = focus.getItem().orElse(null));
        for (Key key : new Key[] {Key.ENTER, Key.SPACE}) {
            Shortcuts.addShortcutListener(results, this::openFocusedRow, key).listenOn(results);
        }
        results.addThemeName("row-stripes");
        results.setWidthFull();
    }

    private String blockerText(Row row) {
        return row.blockers() == 0 ? getTranslation("accounts.blockers.none")
                : getTranslation("accounts.blockers.count", row.blockers());
    }

    void runSearch() {
        String typed = search.getValue();
        SearchQuery query = accountSearch.parse(typed);
        if (query instanceof SearchQuery.Invalid invalid) {
            search.setErrorMessage(getTranslation("accounts.search.invalid." + invalid.reason()));
            search.setInvalid(true);
            return;
        }
        search.setInvalid(false);
        var exact = accountSearch.start(query);
        if (exact.isPresent()) {
            open(exact.get());
            return;
        }
        boolean none = accountSearch.page(query, 0, 1).isEmpty();
        emptyResult.setText(getTranslation("accounts.search.none", typed.strip()));
        emptyResult.setVisible(none);
        results.setVisible(!none);
        results.setItems(fetch -> rows(query, fetch.getOffset(), fetch.getLimit()).stream());
    }

    private List<Row> rows(SearchQuery query, int offset, int limit) {
        List<AccountSummary> page = accountSearch.page(query, offset, limit);
        Map<String, Integer> blockers = eligibility.blockerCounts(page.stream().map(AccountSummary::accountId).toList());
        return page.stream().map(a -> new Row(a, blockers.getOrDefault(a.accountId(), 0))).toList();
    }

    void openFocusedRow() {
        if (focusedRow != null) {
            open(focusedRow.account().accountId());
        }
    }

    private void open(String accountId) {
        getUI().ifPresent(ui -> ui.navigate(AccountView.class, AccountView.parameters(accountId)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("accounts.title") + " · " + getTranslation("app.name");
    }
}
