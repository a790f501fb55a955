package com.closureconsole.closure.conditions;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.closureconsole.account.AccountFacts;
import org.springframework.stereotype.Component;

/** (9) A merchant contract (e.g. a platform contract) is still within its term; lifts at its end date. */
@Component
class MerchantContractCondition implements ClosureCondition {

    @Override
    public ConditionCode code() {
        return ConditionCode.MERCHANT_CONTRACT_IN_FORCE;
    }

    @Override
    public Optional<Blocker> evaluate(AccountFacts facts, Instant now) {
        List<AccountFacts.MerchantContract> inForce = facts.merchantContracts().stream()
                .filter(c -> !c.terminated() && !c.startsAt().isAfter(now) && c.endsAt().isAfter(now))
                .toList();
        if (inForce.isEmpty()) {
            return Optional.empty();
        }
        Instant liftsAt = inForce.stream().map(AccountFacts.MerchantContract::endsAt).max(Comparator.naturalOrder()).orElseThrow();
        return Optional.of(new Blocker(code(), inForce.stream()
                .map(c -> BlockingObject.of("MERCHANT_CONTRACT", "contractNo", c.contractNo(), "kind", c.kind(),
                        "endsAt", c.endsAt()))
                .toList(), true, liftsAt));
    }
}
