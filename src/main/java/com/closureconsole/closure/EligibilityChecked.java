package com.closureconsole.closure;

import java.util.Map;
import java.util.UUID;

import com.closureconsole.audit.AuditOutcome;
import com.closureconsole.audit.Audited;
import org.jspecify.annotations.Nullable;

/**
 * A member of staff checked whether an account can be closed (step 3 of the flow, or on its own).
 *
 * @param report        what the check found
 * @param correlationId the closure flow it was part of, or {@code null}
 */
public record EligibilityChecked(EligibilityReport report, @Nullable UUID correlationId) implements Audited {

    @Override
    public ClosureAction action() {
        return ClosureAction.ELIGIBILITY_CHECK;
    }

    /** The account checked; {@code null} when there is no such account. */
    @Override
    public @Nullable String accountId() {
        return report.failedPreCheck() == PreCheck.ACCOUNT_EXISTS ? null : report.accountId();
    }

    @Override
    public AuditOutcome outcome() {
        return report.closable() ? AuditOutcome.SUCCESS : AuditOutcome.BLOCKED;
    }

    /** Which pre-check failed or which conditions blocked, with the figures behind them. */
    @Override
    public Map<String, Object> details() {
        return EligibilityService.auditDetails(report);
    }
}
