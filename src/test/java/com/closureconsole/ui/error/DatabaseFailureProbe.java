package com.closureconsole.ui.error;

import java.util.Locale;

import com.closureconsole.ui.i18n.Translations;

/** What a user is shown for an error, for tests outside this package that produce real failures. */
public final class DatabaseFailureProbe {

    private DatabaseFailureProbe() {
    }

    public static String messageKey(Throwable error) {
        return UnexpectedErrorHandler.messageKey(error);
    }

    /** The message as the console shows it in a language (e.g. {@code zh_CN}), with a reference. */
    public static String message(Throwable error, String language) {
        return new Translations().getTranslation(messageKey(error), Locale.forLanguageTag(language.replace('_', '-')),
                "ref00001");
    }
}
