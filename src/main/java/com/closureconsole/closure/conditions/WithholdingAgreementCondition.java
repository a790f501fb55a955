package com.closureconsole.closure.conditions;

import java.time.Instant;
import java.util.Optional;

import com.closureconsole.account.AccountFacts;
import org.springframework.stereotype.Component;

/** (4) An auto-debit / withholding agreement (代扣: general, CAE, airline credit …) is active. */
@Component
class WithholdingAgreementCondition implements ClosureCondition {

    @Override
    public ConditionCode code() {
        return ConditionCode.WITHHOLDING_AGREEMENT_ACTIVE;
    }

    @Override
    public Optional<Blocker> evaluate(AccountFacts facts, Instant now) {
        if (facts.activeAgreements().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Blocker.needsAction(code(), facts.activeAgreements().stream()
                .map(a -> BlockingObject.of("WITHHOLDING_AGREEMENT", "kind", a.kind(), "merchant", a.merchantName(),
                        "signedAt", a.signedAt()))
                .toList()));
    }
}
