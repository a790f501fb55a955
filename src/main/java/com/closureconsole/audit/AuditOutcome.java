package com.closureconsole.audit;

/** How an audited action ended. */
public enum AuditOutcome {
    /** It did what was asked. */
    SUCCESS,
    /** It was refused because of bad input, a rule or an error. */
    FAILURE,
    /** The actor's role may not do it. */
    DENIED,
    /** A closure condition or pre-check stood in the way. */
    BLOCKED
}
