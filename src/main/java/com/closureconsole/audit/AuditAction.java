package com.closureconsole.audit;

/** What was done; one value per kind of action the audit records. */
public enum AuditAction {
    SIGN_IN,
    SIGN_IN_FAILED,
    ACCESS_DENIED,
    ACCOUNT_SEARCH,
    ACCOUNT_VIEW,
    PERSONAL_DATA_REVEAL,
    ELIGIBILITY_CHECK,
    IDENTITY_VERIFICATION,
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
    AUDIT_EVIDENCE_EXPORT
}
