package com.closureconsole.ui.account;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The agents' home: one search field for any way of naming an account, and the results. */
@Route("")
@Menu(title = "nav.accounts", order = 1, icon = "vaadin:search")
@PermitAll
public class AccountsView extends VerticalLayout implements HasDynamicTitle {

    final TextField search = new TextField();

    public AccountsView() {
        setId("accounts-view");
        search.setId("account-search");
        search.setLabel(getTranslation("accounts.search.label"));
        search.setPlaceholder(getTranslation("accounts.search.placeholder"));
        search.setWidthFull();
        search.setAutofocus(true);
        search.addKeyPressListener(Key.ENTER, e -> { });
        add(new H2(getTranslation("accounts.title")), search);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("accounts.title") + " · " + getTranslation("app.name");
    }
}
