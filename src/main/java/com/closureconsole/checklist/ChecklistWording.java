package com.closureconsole.checklist;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import com.closureconsole.shared.Masking;
import com.closureconsole.account.Money;
import com.closureconsole.closure.conditions.Blocker;
import com.closureconsole.closure.conditions.BlockingObject;

/**
 * The checklist's text in the customer's language, from the console's translation bundles: each
 * blocker with its figures, what to do and when it lifts by itself. Moments are written as dates
 * and times in the customer's time zone (never "in 3 hours": the customer may read it later), so
 * the same blockers always give the same text. The account id appears masked.
 */
final class ChecklistWording {

    private static final String BUNDLE = "i18n/messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** A subject and body. */
    record Text(String subject, String body) {
    }

    private final Locale locale;
    private final ResourceBundle texts;
    private final ZoneId zone;

    /** The wording for a customer's {@code zh_CN} or {@code en}; anything else reads Chinese, the wallet's language. */
    ChecklistWording(String customerLocale, ZoneId zone) {
        this.locale = "en".equals(customerLocale) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        this.texts = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
        this.zone = zone;
    }

    /** The customer's language as stored: {@code zh_CN} or {@code en}. */
    static String normalise(String customerLocale) {
        return "en".equals(customerLocale) ? "en" : "zh_CN";
    }

    Text write(String accountId, List<Blocker> blockers) {
        StringBuilder body = new StringBuilder();
        body.append(text("checklist.message.greeting")).append("\n\n");
        body.append(text("checklist.message.intro", Masking.freeText(accountId), blockers.size())).append("\n\n");
        for (int i = 0; i < blockers.size(); i++) {
            Blocker blocker = blockers.get(i);
            body.append(text("checklist.message.item", i + 1, text("condition." + blocker.code() + ".title"))).append('\n');
            for (BlockingObject object : blocker.objects()) {
                body.append("   - ").append(describe(object)).append('\n');
            }
            body.append("   ").append(text("checklist.message.todo", text("condition." + blocker.code() + ".remedy")))
                    .append('\n');
            body.append("   ").append(lifting(blocker)).append("\n\n");
        }
        body.append(text("checklist.message.outro"));
        return new Text(text("checklist.message.subject"), body.toString());
    }

    private String lifting(Blocker blocker) {
        if (blocker.liftsAt() != null) {
            return text("checklist.message.lifts.at", dateTime(blocker.liftsAt()), zone.getDisplayName(TextStyle.FULL, locale));
        }
        return text(blocker.liftsByItself() ? "checklist.message.lifts.whenFinished" : "checklist.message.lifts.never");
    }

    /** The blocking object in words, as the account view says it, its figures in the customer's formats. */
    private String describe(BlockingObject object) {
        List<Object> args = new ArrayList<>();
        for (Map.Entry<String, Object> figure : object.figures().entrySet()) {
            args.add(format(object.kind(), figure.getKey(), figure.getValue()));
        }
        return text("blocking." + object.kind(), args.toArray());
    }

    private String format(String objectKind, String name, Object value) {
        if (value == null) {
            return text("eligibility.noEnd");
        } else if (value instanceof Money money) {
            return money(money);
        } else if (value instanceof Instant instant) {
            return dateTime(instant);
        } else if (value instanceof Long || value instanceof Integer) {
            return NumberFormat.getIntegerInstance(locale).format(((Number) value).longValue());
        } else if ("kind".equals(name)) {
            return text("kind." + objectKind + "." + value);
        }
        return String.valueOf(value);
    }

    private String money(Money money) {
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMinimumFractionDigits(money.currency().getDefaultFractionDigits());
        number.setMaximumFractionDigits(money.currency().getDefaultFractionDigits());
        String amount = number.format(money.amount());
        if ("CNY".equals(money.currency().getCurrencyCode())) {
            return text("format.money.cny", amount);
        }
        return amount + " " + money.currency().getCurrencyCode();
    }

    private String dateTime(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone).format(instant);
    }

    private String text(String key, Object... params) {
        String pattern = texts.getString(key);
        return params.length == 0 ? pattern : new MessageFormat(pattern, locale).format(params);
    }
}
