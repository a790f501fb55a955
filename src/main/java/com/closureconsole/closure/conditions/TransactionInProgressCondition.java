package com.closureconsole.closure.conditions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.closureconsole.account.AccountFacts;
import org.springframework.stereotype.Component;

/**
 * (3) A transaction is still in progress, or a withdrawal or transfer-to-card succeeded less than
 * 24 hours ago. The latter lifts 24 h after that success; a pending transaction never lifts by itself.
 */
@Component
class TransactionInProgressCondition implements ClosureCondition {

    static final Duration CASH_OUT_HOLD = Duration.ofHours(24);

    @Override
    public ConditionCode code() {
        return ConditionCode.TRANSACTION_IN_PROGRESS;
    }

    @Override
    public Optional<Blocker> evaluate(AccountFacts facts, Instant now) {
        List<BlockingObject> objects = new ArrayList<>();
        for (AccountFacts.PendingTransaction pending : facts.pendingTransactions()) {
            objects.add(BlockingObject.of("PENDING_TRANSACTION", "kind", pending.kind(), "amount", pending.amount(),
                    "since", pending.createdAt()));
        }
        Instant cashOutLifts = null;
        AccountFacts.CashOut cashOut = facts.latestCashOut();
        if (cashOut != null && cashOut.completedAt().plus(CASH_OUT_HOLD).isAfter(now)) {
            cashOutLifts = cashOut.completedAt().plus(CASH_OUT_HOLD);
            objects.add(BlockingObject.of("RECENT_CASH_OUT", "kind", cashOut.kind(), "amount", cashOut.amount(),
                    "completedAt", cashOut.completedAt(), "liftsAt", cashOutLifts));
        }
        if (objects.isEmpty()) {
            return Optional.empty();
        }
        boolean liftsByItself = facts.pendingTransactions().isEmpty();
        return Optional.of(new Blocker(code(), objects, liftsByItself, liftsByItself ? cashOutLifts : null));
    }
}
