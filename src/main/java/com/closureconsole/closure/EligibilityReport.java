package com.closureconsole.closure;

import java.time.Instant;
import java.util.List;

import com.closureconsole.closure.conditions.Blocker;
import com.closureconsole.closure.conditions.ConditionCode;
import org.jspecify.annotations.Nullable;

/**
 * The answer to "can this account be closed now?": the pre-checks in order, then, when they all
 * pass, each of the ten conditions as passed or blocking.
 *
 * @param failedPreCheck the first pre-check that failed, or {@code null} when all passed
 * @param conditions     the ten conditions in order; empty when a pre-check failed
 */
public record EligibilityReport(String accountId, Instant checkedAt, @Nullable PreCheck failedPreCheck,
                                List<ConditionResult> conditions) {

    public EligibilityReport {
        conditions = List.copyOf(conditions);
    }

    /** One condition's outcome. */
    public record ConditionResult(ConditionCode code, @Nullable Blocker blocker) {
        public boolean passed() {
            return blocker == null;
        }
    }

    public boolean closable() {
        return failedPreCheck == null && blockers().isEmpty();
    }

    /** Whether the given pre-check passed (a pre-check after the failed one counts as not reached). */
    public boolean passed(PreCheck check) {
        return failedPreCheck == null || check.ordinal() < failedPreCheck.ordinal();
    }

    public List<Blocker> blockers() {
        return conditions.stream().filter(c -> !c.passed()).map(ConditionResult::blocker).toList();
    }

    public List<ConditionCode> blockingCodes() {
        return blockers().stream().map(Blocker::code).toList();
    }

    /** Why a closure failed at this check, as a request keeps it: the pre-check, or the blocking codes. */
    String failureCode() {
        return failedPreCheck != null ? failedPreCheck.name()
                : String.join(",", blockingCodes().stream().map(Enum::name).toList());
    }
}
