package com.closureconsole.closure;

/**
 * What is checked before the ten conditions: can this account go through closure at all? Checked
 * in this order; the first that fails is the answer.
 */
public enum PreCheck {
    ACCOUNT_EXISTS,
    NOT_CLOSED,
    NOT_CLOSING,
    ACTIVATED,
    NOT_FROZEN
}
