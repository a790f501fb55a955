package com.closureconsole.audit;

/**
 * The actions the audit module reads from Spring Security's events (sign-ins, sign-outs, ends of
 * sessions, refusals by method security) and from the security module's refusals; no other module
 * publishes them.
 */
public enum SignInAction implements AuditAction {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_OUT,
    /** A signed-in session ended: after a sign-out, or when it expired after its idle time-out. */
    SESSION_END,
    ACCESS_DENIED
}
