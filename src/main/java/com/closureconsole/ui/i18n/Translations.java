package com.closureconsole.ui.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import com.vaadin.flow.i18n.I18NProvider;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The console's two languages, Simplified Chinese (first: the default) and English, read from the
 * bundles {@code i18n/messages_zh_CN.properties} and {@code i18n/messages_en.properties}.
 */
@Component
public class Translations implements I18NProvider {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> LOCALES = List.of(CHINESE, ENGLISH);

    static final String BUNDLE = "i18n/messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Logger log = LoggerFactory.getLogger(Translations.class);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    /** The supported locale closest to the one asked for: Chinese for any Chinese, else English. */
    public static Locale supported(@Nullable Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    }

    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, supported(locale), NO_FALLBACK);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale target = supported(locale);
        String pattern;
        try {
            pattern = bundle(target).getString(key);
        } catch (MissingResourceException e) {
            // A missing key is a defect, but the agent must still be able to work: show the key.
            log.warn("No translation for '{}' in {}", key, target);
            return "!" + key;
        }
        return params.length == 0 ? pattern : new MessageFormat(pattern, target).format(params);
    }
}
