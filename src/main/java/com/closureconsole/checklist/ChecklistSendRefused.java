package com.closureconsole.checklist;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.closureconsole.audit.AttemptRefused;
import com.closureconsole.audit.AuditOutcome;
import org.jspecify.annotations.Nullable;

/**
 * A checklist was not sent: the daily limit, a change since the preview, nothing to send, or a
 * fault. Recorded on its own, so the entry stays although the send wrote nothing.
 *
 * @param accountId the account, or {@code null} when there is no such account
 * @param details   why, and the quota at that moment (or the error's code)
 */
public record ChecklistSendRefused(@Nullable String accountId, AuditOutcome outcome, Map<String, Object> details,
                                   UUID checklistId)
        implements AttemptRefused {

    public ChecklistSendRefused {
        details = new LinkedHashMap<>(details);
    }

    @Override
    public ChecklistAction action() {
        return ChecklistAction.CUSTOMER_CHECKLIST_SEND;
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
