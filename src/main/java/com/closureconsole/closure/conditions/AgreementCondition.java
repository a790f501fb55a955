package com.closureconsole.closure.conditions;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.closureconsole.account.AccountFacts;
import org.springframework.stereotype.Component;

/**
 * (6) A condition of the service agreement, the closure agreement, or a special arrangement with
 * this customer is not met. It lifts at its end date when every such arrangement has one.
 */
@Component
class AgreementCondition implements ClosureCondition {

    @Override
    public ConditionCode code() {
        return ConditionCode.AGREEMENT_CONDITION;
    }

    @Override
    public Optional<Blocker> evaluate(AccountFacts facts, Instant now) {
        List<AccountFacts.Arrangement> inForce = facts.arrangements().stream()
                .filter(a -> !a.startsAt().isAfter(now) && (a.endsAt() == null || a.endsAt().isAfter(now)))
                .toList();
        if (inForce.isEmpty()) {
            return Optional.empty();
        }
        boolean allEnd = inForce.stream().allMatch(a -> a.endsAt() != null);
        Instant liftsAt = allEnd
                ? inForce.stream().map(AccountFacts.Arrangement::endsAt).filter(Objects::nonNull)
                        .max(Comparator.naturalOrder()).orElseThrow()
                : null;
        return Optional.of(new Blocker(code(), inForce.stream()
                .map(a -> BlockingObject.of("ARRANGEMENT", "kind", a.kind(), "description", a.description(),
                        "remedy", a.remedy(), "endsAt", a.endsAt()))
                .toList(), allEnd, liftsAt));
    }
}
