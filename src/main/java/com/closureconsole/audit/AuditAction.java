package com.closureconsole.audit;

/**
 * The kind of a recorded action, as the trail stores it ({@code CLOSURE_SUBMIT}, {@code SIGN_IN} …).
 * Each module names its own actions in an enum that implements this interface (the account module's
 * {@code AccountAction}, the closure module's {@code ClosureAction} …); the audit module names only
 * the ones it records itself ({@link SignInAction}, {@link AuditTrailAction}). A stored name never
 * changes: the sealed trail and the entries handed to auditors keep it for good.
 */
public interface AuditAction {

    /** The name the trail stores. */
    String name();
}
