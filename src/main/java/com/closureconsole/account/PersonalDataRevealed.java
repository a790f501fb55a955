package com.closureconsole.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.closureconsole.audit.AuditOutcome;
import com.closureconsole.audit.Audited;

/**
 * A member of staff revealed a customer's unmasked name, phone and email, for a reason.
 *
 * @param accountId the customer's account
 * @param reason    why
 */
public record PersonalDataRevealed(String accountId, RevealReason reason) implements Audited {

    /** What a reveal shows, in full. */
    static final List<String> FIELDS = List.of("name", "phone", "email");

    @Override
    public AccountAction action() {
        return AccountAction.PERSONAL_DATA_REVEAL;
    }

    @Override
    public AuditOutcome outcome() {
        return AuditOutcome.SUCCESS;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fields", FIELDS);
        details.put("reason", reason.name());
        return details;
    }
}
