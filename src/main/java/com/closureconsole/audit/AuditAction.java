package com.closureconsole.audit;

/** What was done; one value per kind of action the audit records. */
public enum AuditAction {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_OUT,
    /** A signed-in session ended: after a sign-out, or when it expired after its idle time-out. */
    SESSION_END,
    ACCESS_DENIED,
    ACCOUNT_SEARCH,
    ACCOUNT_VIEW,
    PERSONAL_DATA_REVEAL,
    ELIGIBILITY_CHECK,
    IDENTITY_VERIFICATION,
    /** The customer accepted what a closure gives up, as the text of a given version said it. */
    GIVE_UP_CONFIRMATION,
    CLOSURE_SUBMIT,
    CLOSURE_APPROVE,
    CLOSURE_REJECT,
    CLOSURE_CANCEL,
    CLOSURE_COMPLETE,
    CLOSURE_FAIL,
    /** A closure expected the account in one status and found it in another; nothing was changed. */
    ACCOUNT_STATUS_CONFLICT,
    NOTIFICATION_QUEUED,
    NOTIFICATION_DELIVERY,
    /** A supervisor sent a notification that had failed for good again. */
    NOTIFICATION_RESEND,
    AUDIT_EXPORT,
    AUDIT_VERIFY,
    AUDIT_EVIDENCE_EXPORT,
    /** An agent sent the customer the checklist of what blocks closure, or was refused (the daily limit, a change). */
    CUSTOMER_CHECKLIST_SEND
}
