package com.closureconsole.closure.conditions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.closureconsole.account.AccountFacts;
import org.springframework.stereotype.Component;

/** (8) A trade dispute is open, or the account has a functional restriction (限权). */
@Component
class DisputeOrRestrictionCondition implements ClosureCondition {

    @Override
    public ConditionCode code() {
        return ConditionCode.DISPUTE_OR_RESTRICTION;
    }

    @Override
    public Optional<Blocker> evaluate(AccountFacts facts, Instant now) {
        List<BlockingObject> objects = new ArrayList<>();
        facts.openDisputes().forEach(d ->
                objects.add(BlockingObject.of("TRADE_DISPUTE", "tradeNo", d.tradeNo(), "openedAt", d.openedAt())));
        facts.restrictionsInForce().forEach(r ->
                objects.add(BlockingObject.of("RESTRICTION", "kind", r.kind(), "reason", r.reason(), "imposedAt", r.imposedAt())));
        return objects.isEmpty() ? Optional.empty() : Optional.of(Blocker.needsAction(code(), objects));
    }
}
