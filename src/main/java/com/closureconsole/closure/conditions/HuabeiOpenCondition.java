package com.closureconsole.closure.conditions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.closureconsole.account.AccountFacts;
import org.springframework.stereotype.Component;

/** (5) Huabei (花呗) consumer credit is open; the customer repays and closes it. */
@Component
class HuabeiOpenCondition implements ClosureCondition {

    @Override
    public ConditionCode code() {
        return ConditionCode.HUABEI_OPEN;
    }

    @Override
    public Optional<Blocker> evaluate(AccountFacts facts, Instant now) {
        if (!facts.huabeiOpen()) {
            return Optional.empty();
        }
        return Optional.of(Blocker.needsAction(code(),
                List.of(BlockingObject.of("HUABEI", "outstanding", facts.huabeiOutstanding()))));
    }
}
