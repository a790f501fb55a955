package com.closureconsole.security;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;

/**
 * The console's one language switch, on the sign-in page and in the shell: switches between the
 * languages the console provides (Simplified Chinese and English) and redraws the current view.
 * It lives beside the sign-in page, which the shell's views may use but which may not use them.
 */
public class LanguageSwitch extends Select<Locale> {

    public LanguageSwitch() {
        setId("language-switch");
        List<Locale> locales = VaadinService.getCurrent().getInstantiator().getI18NProvider().getProvidedLocales();
        setItems(locales);
        setItemLabelGenerator(locale -> getTranslation("language." + locale));
        setAriaLabel(getTranslation("language.label"));
        setValue(shown(locales, getLocale()));
        addValueChangeListener(event -> {
            if (event.getValue() != null && !event.getValue().equals(shown(locales, getLocale()))) {
                switchTo(event.getValue());
            }
        });
        addClassName("language-switch");
    }

    /** The provided language closest to {@code current}: the same language, else English, else the first. */
    private static Locale shown(List<Locale> locales, Locale current) {
        return locales.stream().filter(l -> current != null && l.getLanguage().equals(current.getLanguage())).findFirst()
                .or(() -> locales.stream().filter(l -> l.getLanguage().equals(Locale.ENGLISH.getLanguage())).findFirst())
                .orElse(locales.get(0));
    }

    private static void switchTo(Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        UI ui = UI.getCurrent();
        ui.setLocale(locale);
        ui.refreshCurrentRoute(true);
    }
}
