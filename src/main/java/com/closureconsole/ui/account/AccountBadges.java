package com.closureconsole.ui.account;

import com.closureconsole.account.AccountStatus;
import com.closureconsole.account.IdentityType;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;

/** The status and identity badges shown in the results grid and the account header. */
final class AccountBadges {

    private AccountBadges() {
    }

    static Span status(AccountStatus status) {
        Span badge = new Span(UI.getCurrent().getTranslation("status." + status));
        badge.getElement().getThemeList().add(statusTheme(status));
        badge.addClassName("status-badge");
        return badge;
    }

    /** The badge theme of a status, also used by the results grid's template renderer. */
    static String statusTheme(AccountStatus status) {
        return switch (status) {
            case ACTIVE -> "badge success";
            case CLOSED -> "badge contrast";
            case CLOSING -> "badge";
            case FROZEN, NOT_ACTIVATED -> "badge error";
        };
    }

    static Span identity(IdentityType identity) {
        Span badge = new Span(UI.getCurrent().getTranslation("identity." + identity));
        badge.getElement().getThemeList().add("badge");
        return badge;
    }
}
