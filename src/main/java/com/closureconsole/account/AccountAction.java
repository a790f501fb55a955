package com.closureconsole.account;

import com.closureconsole.audit.AuditAction;

/** The account module's actions, as the audit trail names them. */
public enum AccountAction implements AuditAction {
    ACCOUNT_SEARCH,
    ACCOUNT_VIEW,
    PERSONAL_DATA_REVEAL
}
