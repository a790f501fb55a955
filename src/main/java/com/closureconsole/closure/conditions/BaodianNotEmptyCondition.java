package com.closureconsole.closure.conditions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.closureconsole.account.AccountFacts;
import org.springframework.stereotype.Component;

/** (10) The Baodian (宝点) points account is open and holds a balance. */
@Component
class BaodianNotEmptyCondition implements ClosureCondition {

    @Override
    public ConditionCode code() {
        return ConditionCode.BAODIAN_NOT_EMPTY;
    }

    @Override
    public Optional<Blocker> evaluate(AccountFacts facts, Instant now) {
        if (!facts.baodianOpen() || facts.baodianPoints() == 0) {
            return Optional.empty();
        }
        return Optional.of(Blocker.needsAction(code(),
                List.of(BlockingObject.of("BAODIAN_POINTS", "points", facts.baodianPoints()))));
    }
}
