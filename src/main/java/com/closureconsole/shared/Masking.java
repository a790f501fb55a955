package com.closureconsole.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;

/**
 * The console's one masking policy: how personal data is shown until someone reveals it, and how
 * it enters the audit trail and the notification records: {@code 138****8000},
 * {@code z***@example.com}, names with only a hint left ({@code *伟}, {@code E**** C***}), and
 * identity or card numbers with their last four characters ({@code ****4512}). The grid, the
 * account view, the audit and the notifications all mask through it, so a customer's data looks
 * the same wherever staff meet it.
 */
public final class Masking {

    private static final Pattern NOT_A_DIGIT = Pattern.compile("\\D");
    private static final Pattern SPACE_OR_HYPHEN = Pattern.compile("[ -]");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern EMAIL_IN_TEXT =
            Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    /** Account ids (16 digits) and card or identity numbers: 15 to 19 digits, maybe in groups. */
    private static final Pattern LONG_NUMBER_IN_TEXT = Pattern.compile("(?<!\\d)\\d(?:[ -]?\\d){14,17}[\\dXx](?!\\d)",
            Pattern.UNICODE_CHARACTER_CLASS);

    private Masking() {
    }

    /**
     * A mainland mobile, in E.164 or any common form ({@code +86 138 0013 8000}, {@code 138-0013-8000}),
     * becomes {@code 138****8000}; other numbers keep their last four digits.
     */
    public static String phone(@Nullable String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String national = NOT_A_DIGIT.matcher(phone).replaceAll("");
        if (national.length() == 13 && national.startsWith("86")) {
            national = national.substring(2);
        }
        if (national.length() == 11) {
            return national.substring(0, 3) + "****" + national.substring(7);
        }
        int keep = Math.min(4, national.length());
        return "*".repeat(national.length() - keep) + national.substring(national.length() - keep);
    }

    /** {@code zhang.wei@example.com} becomes {@code z***@example.com}. */
    public static String email(@Nullable String email) {
        if (email == null || email.isBlank()) {
            return "";
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.substring(0, email.offsetByCodePoints(0, 1)) + "***" + email.substring(at);
    }

    /** Identity and card numbers: only the last four characters stay ({@code ****4512}). */
    public static String number(@Nullable String number) {
        if (number == null || number.isBlank()) {
            return "";
        }
        String text = number.strip();
        return text.length() <= 4 ? "****" : "****" + text.substring(text.length() - 4);
    }

    /**
     * Each word of a name keeps one hint: a Chinese word its last character ({@code 张伟} becomes
     * {@code *伟}), a Latin word its first letter ({@code Chen} becomes {@code C***}).
     */
    public static String name(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        Matcher words = WORD.matcher(name);
        StringBuilder masked = new StringBuilder();
        while (words.find()) {
            String word = words.group();
            int[] chars = word.codePoints().toArray();
            boolean chinese = Character.UnicodeScript.of(chars[0]) == Character.UnicodeScript.HAN;
            StringBuilder replacement = new StringBuilder();
            for (int i = 0; i < chars.length; i++) {
                boolean keep = chinese ? chars.length > 1 && i == chars.length - 1 : i == 0;
                replacement.append(keep ? new String(Character.toChars(chars[i])) : "*");
            }
            words.appendReplacement(masked, Matcher.quoteReplacement(replacement.toString()));
        }
        words.appendTail(masked);
        return masked.toString();
    }

    /**
     * Free text (a reason, a comment) as the audit trail may keep it: every email address, every
     * phone number libphonenumber finds in it (mainland numbers in any common form, and
     * international ones) and every account, card or identity number (15 to 19 digits, maybe in
     * groups) is masked; the rest of the text stays as written. Full-width digits count as digits.
     */
    @Contract("!null -> !null")
    public static @Nullable String freeText(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return text;
        }
        String masked = replaceAll(EMAIL_IN_TEXT.matcher(text), Masking::email);
        masked = replaceAll(LONG_NUMBER_IN_TEXT.matcher(masked), Masking::longNumber);
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        List<PhoneNumberMatch> phones = new ArrayList<>();
        util.findNumbers(masked, "CN", PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE).forEach(phones::add);
        StringBuilder out = new StringBuilder(masked);
        for (int i = phones.size() - 1; i >= 0; i--) {
            PhoneNumberMatch phone = phones.get(i);
            out.replace(phone.start(), phone.end(), phone(util.format(phone.number(), PhoneNumberUtil.PhoneNumberFormat.E164)));
        }
        return out.toString();
    }

    /** {@code 2088000000000001} becomes {@code 2088********0001}: the first and last four digits stay. */
    static String longNumber(String number) {
        String digits = SPACE_OR_HYPHEN.matcher(number).replaceAll("");
        return digits.substring(0, 4) + "*".repeat(digits.length() - 8) + digits.substring(digits.length() - 4);
    }

    private static String replaceAll(Matcher matcher, java.util.function.UnaryOperator<String> mask) {
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(mask.apply(matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
