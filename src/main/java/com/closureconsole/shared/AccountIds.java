package com.closureconsole.shared;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The format of a wallet account id: {@value #LENGTH} digits, the wallet's prefix {@value #PREFIX}
 * first ({@code 2088000000000001}). Search, the account view, the audit filter and the audit's
 * masking all recognise an id by it.
 */
public final class AccountIds {

    /** How many digits an account id has. */
    public static final int LENGTH = 16;
    /** How every account id starts. */
    public static final String PREFIX = "2088";

    private static final Pattern FORMAT = Pattern.compile(PREFIX + "\\d{" + (LENGTH - PREFIX.length()) + "}");

    private AccountIds() {
    }

    /** Whether {@code text} is an account id, exactly (no spaces, no other characters). */
    public static boolean isAccountId(@Nullable String text) {
        return text != null && FORMAT.matcher(text).matches();
    }
}
