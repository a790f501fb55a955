package com.closureconsole.ui;

import java.util.Locale;

import com.closureconsole.ui.i18n.Translations;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;

/** Switches the console between Simplified Chinese and English and redraws the current view. */
public class LanguageSwitch extends Select<Locale> {

    public LanguageSwitch() {
        setId("language-switch");
        setItems(Translations.LOCALES);
        setItemLabelGenerator(locale -> getTranslation("language." + locale));
        setAriaLabel(getTranslation("language.label"));
        setValue(Translations.supported(getLocale()));
        addValueChangeListener(event -> {
            if (event.getValue() != null && !event.getValue().equals(Translations.supported(getLocale()))) {
                switchTo(event.getValue());
            }
        });
        addClassName("language-switch");
    }

    private static void switchTo(Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        UI ui = UI.getCurrent();
        ui.setLocale(locale);
        ui.refreshCurrentRoute(true);
    }
}
