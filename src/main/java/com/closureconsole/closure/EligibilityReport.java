package com.closureconsole.closure;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

    public Optional<PreCheck> preCheckFailure() {
        return Optional.ofNullable(failedPreCheck);
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
}
