package com.closureconsole.checklist;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.closureconsole.audit.AuditOutcome;
import com.closureconsole.audit.Audited;

/**
 * The customer's checklist was queued for sending, in the sending transaction.
 *
 * @param details     channel, masked recipient, language, blockers, the outbox row and the daily count
 * @param checklistId the checklist, which ties the send to its notification's entries
 */
public record ChecklistSent(String accountId, Map<String, Object> details, UUID checklistId) implements Audited {

    public ChecklistSent {
        details = new LinkedHashMap<>(details);
    }

    @Override
    public ChecklistAction action() {
        return ChecklistAction.CUSTOMER_CHECKLIST_SEND;
    }

    @Override
    public AuditOutcome outcome() {
        return AuditOutcome.SUCCESS;
    }

    @Override
    public Map<String, Object> details() {
        return new LinkedHashMap<>(details);
    }

    @Override
    public UUID correlationId() {
        return checklistId;
    }
}
