package com.closureconsole.audit;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Masks personal data before it reaches the audit trail. Publishers should mask what they put in an
 * {@link AuditEvent}'s details; the trail masks again, by the detail's name and by what the text
 * looks like, so a phone number, e-mail address or name never lands there in full.
 */
public final class AuditMasking {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** Mainland mobiles in any common form (+86 138 0013 8000, 13800138000, 138-0013-8000) and E.164. */
    private static final Pattern PHONE = Pattern.compile("(\\+?86[ -]?)?1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}|\\+[1-9]\\d{6,14}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("2088\\d{12}");
    private static final Set<String> PERSON_NAMES = Set.of("name", "customername", "fullname", "realname",
            "holdername", "accountname", "accountholder", "payeename", "payername");

    private AuditMasking() {
    }

    /** {@code 13800138001} and {@code +8613800138001} become {@code 138****8001}. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() == 13 && digits.startsWith("86")) {
            digits = digits.substring(2);
        }
        return digits.length() < 7 ? "****" : digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    /** {@code zhang.wei@example.com} becomes {@code z***@example.com}. */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        return at <= 0 ? "***" : email.substring(0, email.offsetByCodePoints(0, 1)) + "***" + email.substring(at);
    }

    /** {@code 张伟} becomes {@code 张**}, {@code Emily Chen} becomes {@code E**}. */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String stripped = name.strip();
        return stripped.substring(0, stripped.offsetByCodePoints(0, 1)) + "**";
    }

    /** Identity and card numbers: only the last four characters stay. */
    public static String number(String number) {
        if (number == null) {
            return null;
        }
        return number.length() <= 4 ? "****" : "****" + number.substring(number.length() - 4);
    }

    /**
     * A detail's value as the trail stores it: masked according to its name (name, phone, email,
     * id or card number, search text) or, whatever its name, when it looks like a phone number or an
     * e-mail address. Already masked values (with {@code *}) and account ids stay as they are.
     */
    static String detail(String key, String value) {
        if (value == null || value.contains("*")) {
            return value;
        }
        String name = key == null ? "" : key.toLowerCase(Locale.ROOT);
        String text = value.strip();
        if (EMAIL.matcher(text).matches() || name.contains("email")) {
            return email(text);
        }
        if (PHONE.matcher(text).matches() || name.contains("phone") || name.contains("mobile")) {
            return phone(text);
        }
        if (name.contains("idnumber") || name.contains("certificateno") || name.contains("cardno")
                || name.contains("cardnumber")) {
            return number(text);
        }
        if (ACCOUNT_ID.matcher(text).matches()) {
            return value;
        }
        if (PERSON_NAMES.contains(name) || name.contains("query") || name.contains("search")) {
            return name(text);
        }
        return value;
    }
}
