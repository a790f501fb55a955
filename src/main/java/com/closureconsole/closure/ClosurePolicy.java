package com.closureconsole.closure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The console's own policies beyond the public flow. By default neither applies and review is
 * immediate, as in the public flow.
 *
 * <ul>
 *   <li>{@code closure.policy.approval-required}: a supervisor other than the initiator approves;</li>
 *   <li>{@code closure.policy.cooling-off}: a window in which an agent can still cancel.</li>
 * </ul>
 */
@Component
@ConfigurationProperties(prefix = "closure.policy")
class ClosurePolicy {

    private boolean approvalRequired;
    private Duration coolingOff = Duration.ZERO;

    public boolean isApprovalRequired() {
        return approvalRequired;
    }

    public void setApprovalRequired(boolean approvalRequired) {
        this.approvalRequired = approvalRequired;
    }

    public Duration getCoolingOff() {
        return coolingOff;
    }

    public void setCoolingOff(@Nullable Duration coolingOff) {
        this.coolingOff = coolingOff == null || coolingOff.isNegative() ? Duration.ZERO : coolingOff;
    }
}
