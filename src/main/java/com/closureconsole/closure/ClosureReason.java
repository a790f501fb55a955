package com.closureconsole.closure;

/** Why the customer closes the account: the fixed list the agent chooses from. */
public enum ClosureReason {
    NO_LONGER_USED,
    SWITCHING_PROVIDER,
    SECURITY_CONCERN,
    DUPLICATE_ACCOUNT,
    PRIVACY,
    OTHER
}
