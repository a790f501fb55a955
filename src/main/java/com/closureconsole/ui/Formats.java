package com.closureconsole.ui;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import com.closureconsole.account.Money;
import com.closureconsole.ui.i18n.Translations;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Numbers, money and moments in the agent's language and time zone: {@code ¥12.50} /
 * {@code 12.50 元}, dates in the locale's format, and "in 21 h 40 min" for what lifts soon. The
 * console's one time-zone policy: every view shows times, and reads the times staff type, in the
 * zone {@code closure.ui.time-zone} (Beijing time by default), whatever the browser's zone; the
 * UTC moment stays available underneath.
 */
@Component
public class Formats {

    private final ZoneId zone;
    private final Clock clock;
    private final Translations translations;

    Formats(@Value("${closure.ui.time-zone:Asia/Shanghai}") String zone, Clock clock, Translations translations) {
        this.zone = ZoneId.of(zone);
        this.clock = clock;
        this.translations = translations;
    }

    public String money(Money money, Locale locale) {
        NumberFormat number = NumberFormat.getNumberInstance(Translations.supported(locale));
        number.setMinimumFractionDigits(money.currency().getDefaultFractionDigits());
        number.setMaximumFractionDigits(money.currency().getDefaultFractionDigits());
        String amount = number.format(money.amount());
        if ("CNY".equals(money.currency().getCurrencyCode())) {
            return translations.getTranslation("format.money.cny", locale, amount);
        }
        return amount + " " + money.currency().getCurrencyCode();
    }

    public String number(long value, Locale locale) {
        return NumberFormat.getIntegerInstance(Translations.supported(locale)).format(value);
    }

    /** Date and time in the agent's time zone, e.g. {@code 2026年11月26日 21:32} or {@code Nov 26, 2026, 9:32 PM}. */
    public String dateTime(@Nullable Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Translations.supported(locale)).withZone(zone).format(instant);
    }

    /** Date and time to the second in the agent's time zone (for the audit trail). */
    public String moment(@Nullable Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(Translations.supported(locale)).withZone(zone).format(instant);
    }

    /** A date and time staff typed or picked, read in the agent's time zone; {@code null} for none. */
    public @Nullable Instant instant(@Nullable LocalDateTime local) {
        return local == null ? null : local.atZone(zone).toInstant();
    }

    /** A moment as the date and time a picker shows in the agent's time zone; {@code null} for none. */
    public @Nullable LocalDateTime local(@Nullable Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone);
    }

    /** The name of the time zone times are shown in, e.g. {@code Asia/Shanghai}. */
    public String zoneName() {
        return zone.getId();
    }

    public String date(@Nullable Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(Translations.supported(locale)).withZone(zone).format(instant);
    }

    /** How long until {@code instant}, e.g. "in 21 h 40 min" or "in 364 days". */
    public String fromNow(Instant instant, Locale locale) {
        Duration left = Duration.between(clock.instant(), instant);
        if (left.isNegative() || left.isZero()) {
            return translations.getTranslation("format.now", locale);
        }
        if (left.toDays() >= 2) {
            return translations.getTranslation("format.inDays", locale, left.toDays());
        }
        long totalMinutes = (left.getSeconds() + 59) / 60;
        return translations.getTranslation("format.inHours", locale, totalMinutes / 60, totalMinutes % 60);
    }

    /** How long ago {@code instant} was, e.g. "3 h 5 min ago" or "2 days ago". */
    public String age(Instant instant, Locale locale) {
        Duration age = Duration.between(instant, clock.instant());
        if (age.toDays() >= 2) {
            return translations.getTranslation("format.daysAgo", locale, age.toDays());
        }
        long minutes = Math.max(0, age.toMinutes());
        return translations.getTranslation("format.hoursAgo", locale, minutes / 60, minutes % 60);
    }

    /** Whether {@code instant} is within the next two days: soon enough to show as "lifts soon". */
    public boolean soon(Instant instant) {
        Duration left = Duration.between(clock.instant(), instant);
        return !left.isNegative() && left.toDays() < 2;
    }
}
