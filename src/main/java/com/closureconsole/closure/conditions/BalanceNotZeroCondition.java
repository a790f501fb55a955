package com.closureconsole.closure.conditions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.closureconsole.account.AccountFacts;
import org.springframework.stereotype.Component;

/** (1) The wallet balance, or the Jifenbao (集分宝) points balance, is not zero. */
@Component
class BalanceNotZeroCondition implements ClosureCondition {

    @Override
    public ConditionCode code() {
        return ConditionCode.BALANCE_NOT_ZERO;
    }

    @Override
    public Optional<Blocker> evaluate(AccountFacts facts, Instant now) {
        List<BlockingObject> objects = new ArrayList<>();
        if (!facts.balance().isZero()) {
            objects.add(BlockingObject.of("WALLET_BALANCE", "amount", facts.balance()));
        }
        if (facts.jifenbaoPoints() != 0) {
            objects.add(BlockingObject.of("JIFENBAO_POINTS", "points", facts.jifenbaoPoints()));
        }
        return objects.isEmpty() ? Optional.empty() : Optional.of(Blocker.needsAction(code(), objects));
    }
}
