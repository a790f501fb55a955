package com.closureconsole.checklist;

import com.closureconsole.audit.AuditAction;

/** The checklist module's actions, as the audit trail names them. */
public enum ChecklistAction implements AuditAction {
    /** An agent sent the customer the checklist of what blocks closure, or was refused (the daily limit, a change). */
    CUSTOMER_CHECKLIST_SEND
}
