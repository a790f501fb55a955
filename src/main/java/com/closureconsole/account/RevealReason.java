package com.closureconsole.account;

/** Why someone reveals a customer's personal data: the fixed list a reveal must name one of. */
public enum RevealReason {
    IDENTITY_CHECK,
    CUSTOMER_REQUEST,
    SUPERVISOR_REVIEW
}
