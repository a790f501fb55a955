package com.closureconsole.closure.conditions;

import java.time.Instant;
import java.util.Optional;

import com.closureconsole.account.AccountFacts;
import org.springframework.stereotype.Component;

/**
 * (7) A security operation is in progress (password recovery, changing the phone number …). It
 * lifts when the operation finishes, at a moment nobody can know in advance.
 */
@Component
class SecurityOperationCondition implements ClosureCondition {

    @Override
    public ConditionCode code() {
        return ConditionCode.SECURITY_OPERATION_IN_PROGRESS;
    }

    @Override
    public Optional<Blocker> evaluate(AccountFacts facts, Instant now) {
        if (facts.securityOperationsInProgress().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Blocker(code(), facts.securityOperationsInProgress().stream()
                .map(op -> BlockingObject.of("SECURITY_OPERATION", "kind", op.kind(), "startedAt", op.startedAt()))
                .toList(), true, null));
    }
}
