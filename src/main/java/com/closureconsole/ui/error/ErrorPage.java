package com.closureconsole.ui.error;

import java.util.Locale;

import com.closureconsole.ui.i18n.Translations;
import org.springframework.web.util.HtmlUtils;

/**
 * The console's page for an HTTP error, in Chinese or English: what happened in words and a link
 * back to the console. Nothing of the request (its path, an exception) is shown.
 */
final class ErrorPage {

    private static final Translations TRANSLATIONS = new Translations();

    private ErrorPage() {
    }

    static String html(int status, Locale requested) {
        Locale locale = Translations.supported(requested);
        String key = switch (status) {
            case 400, 403, 404, 405 -> "error.page." + status;
            default -> status >= 500 ? "error.page.500" : "error.page.other";
        };
        return """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · %s</title>
                <style>
                  body { font-family: system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0;
                         display: flex; min-height: 100vh; align-items: center; justify-content: center; background: #f3f5f7; color: #1a2533; }
                  main { max-width: 34rem; padding: 2rem; background: #fff; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.1); }
                  h1 { font-size: 1.4rem; margin: 0 0 .75rem; } p { line-height: 1.5; } .code { color: #6b7785; font-size: .9rem; }
                  a { color: #1676f3; font-weight: 600; }
                </style></head>
                <body><main id="console-error-page"><p class="code">%s · %d</p><h1>%s</h1><p>%s</p><p><a href="/">%s</a></p></main></body></html>
                """.formatted(locale.toLanguageTag(), text("error.page.title", locale), text("app.name", locale),
                text("app.name", locale), status, text("error.page.title", locale), text(key, locale),
                text("error.page.back", locale));
    }

    private static String text(String key, Locale locale) {
        return HtmlUtils.htmlEscape(TRANSLATIONS.getTranslation(key, locale));
    }
}
