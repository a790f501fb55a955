package com.closureconsole.closure;

import org.jspecify.annotations.Nullable;

/** What happens to a linked Taobao account when the wallet account closes. */
public enum TaobaoOutcome {
    /** No Taobao account is linked. */
    NONE,
    /** The linked account meets its own conditions and is closed together with the wallet account. */
    CLOSED_TOGETHER,
    /** The linked account does not meet its own conditions: it stays, unbound from the wallet. */
    UNBOUND;

    static TaobaoOutcome of(@Nullable String taobaoId, @Nullable Boolean taobaoClosable) {
        if (taobaoId == null) {
            return NONE;
        }
        return Boolean.TRUE.equals(taobaoClosable) ? CLOSED_TOGETHER : UNBOUND;
    }
}
