package com.closureconsole.closure;

import org.jspecify.annotations.Nullable;

/**
 * Why the customer closes the account: the fixed list the agent chooses from. The free text that
 * goes with a reason (and a decision's reason or comment) is at most {@link #MAX_TEXT} characters.
 */
public enum ClosureReason {
    NO_LONGER_USED,
    SWITCHING_PROVIDER,
    SECURITY_CONCERN,
    DUPLICATE_ACCOUNT,
    PRIVACY,
    OTHER;

    /** The longest reason text, decision reason or comment, in characters. */
    public static final int MAX_TEXT = 500;

    static boolean tooLong(@Nullable String text) {
        return text != null && text.strip().length() > MAX_TEXT;
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
