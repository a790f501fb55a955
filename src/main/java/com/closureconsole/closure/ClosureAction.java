package com.closureconsole.closure;

import com.closureconsole.audit.AuditAction;

/** The closure module's actions, as the audit trail names them. */
public enum ClosureAction implements AuditAction {
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
    ACCOUNT_STATUS_CONFLICT
}
