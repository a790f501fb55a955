package com.closureconsole.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TranslationsTest {

    private final Translations translations = new Translations();

    @Test
    void chinese_and_english_bundles_hold_the_same_keys() {
        Set<String> chinese = Translations.bundle(Translations.CHINESE).keySet();
        Set<String> english = Translations.bundle(Translations.ENGLISH).keySet();
        assertThat(chinese).isNotEmpty();
        assertThat(chinese).containsExactlyInAnyOrderElementsOf(english);
    }

    @Test
    void no_translation_is_blank() {
        for (Locale locale : Translations.LOCALES) {
            ResourceBundle bundle = Translations.bundle(locale);
            assertThat(bundle.keySet()).allSatisfy(key -> assertThat(bundle.getString(key)).as(key).isNotBlank());
        }
    }

    @Test
    void any_chinese_locale_reads_chinese_and_anything_else_english() {
        assertThat(translations.getTranslation("nav.accounts", Locale.CHINA)).isEqualTo("账户");
        assertThat(translations.getTranslation("nav.accounts", Locale.forLanguageTag("zh-Hans"))).isEqualTo("账户");
        assertThat(translations.getTranslation("nav.accounts", Locale.GERMAN)).isEqualTo("Accounts");
    }

    @Test
    void a_missing_key_is_shown_marked_instead_of_failing() {
        assertThat(translations.getTranslation("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key");
    }
}
