package com.closureconsole.account;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How personal data is shown until someone reveals it: {@code 138****8000}, {@code z***@example.com},
 * and names with only a hint left ({@code *伟}, {@code E**** C***}).
 */
public final class Masking {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private Masking() {
    }

    /** A mainland mobile in E.164 becomes {@code 138****8000}; other numbers keep their last four digits. */
    public static String phone(String e164) {
        if (e164 == null || e164.isBlank()) {
            return "";
        }
        String national = e164.startsWith("+86") ? e164.substring(3) : e164.replaceFirst("^\\+", "");
        if (national.length() == 11) {
            return national.substring(0, 3) + "****" + national.substring(7);
        }
        int keep = Math.min(4, national.length());
        return "*".repeat(national.length() - keep) + national.substring(national.length() - keep);
    }

    /** {@code zhang.wei@example.com} becomes {@code z***@example.com}. */
    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return "";
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    /**
     * Each word of a name keeps one hint: a Chinese word its last character ({@code 张伟} becomes
     * {@code *伟}), a Latin word its first letter ({@code Chen} becomes {@code C***}).
     */
    public static String name(String name) {
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
}
