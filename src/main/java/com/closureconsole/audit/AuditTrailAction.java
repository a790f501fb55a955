package com.closureconsole.audit;

/** What supervisors do with the trail itself. */
public enum AuditTrailAction implements AuditAction {
    AUDIT_EXPORT,
    AUDIT_VERIFY,
    AUDIT_EVIDENCE_EXPORT
}
