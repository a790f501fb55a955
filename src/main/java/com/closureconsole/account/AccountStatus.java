package com.closureconsole.account;

/** Where an account stands in its life. */
public enum AccountStatus {
    /** Registered but never activated. */
    NOT_ACTIVATED,
    ACTIVE,
    /** Unusable: frozen. */
    FROZEN,
    /** A closure is in flight. */
    CLOSING,
    CLOSED
}
