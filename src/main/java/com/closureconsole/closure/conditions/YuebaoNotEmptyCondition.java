package com.closureconsole.closure.conditions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.closureconsole.account.AccountFacts;
import org.springframework.stereotype.Component;

/** (2) The Yu'e Bao (余额宝) money-market fund holds money; redemption settles T+1. */
@Component
class YuebaoNotEmptyCondition implements ClosureCondition {

    @Override
    public ConditionCode code() {
        return ConditionCode.YUEBAO_NOT_EMPTY;
    }

    @Override
    public Optional<Blocker> evaluate(AccountFacts facts, Instant now) {
        if (facts.yuebaoBalance().isZero()) {
            return Optional.empty();
        }
        return Optional.of(Blocker.needsAction(code(),
                List.of(BlockingObject.of("YUEBAO_BALANCE", "amount", facts.yuebaoBalance()))));
    }
}
