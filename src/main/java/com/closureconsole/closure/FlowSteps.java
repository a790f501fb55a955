package com.closureconsole.closure;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.closureconsole.account.AccountFacts;
import com.closureconsole.account.WalletFactsReader;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Steps 2 and 4 of the flow, each a transaction that records the step for the flow
 * ({@link ClosureFlows}) and audits it when it passed. A failed or refused step is audited by
 * {@link ClosureWorkflow} after this transaction, in one of its own.
 */
@Component
class FlowSteps {

    private final WalletFactsReader facts;
    private final ClosureFlows flows;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FlowSteps(WalletFactsReader facts, ClosureFlows flows, ApplicationEventPublisher events, Clock clock) {
        this.facts = facts;
        this.flows = flows;
        this.events = events;
        this.clock = clock;
    }

    /** What an identity verification step found; {@code required} and {@code identityType} null without an account. */
    record Verification(StepResult result, Map<String, Object> details) {
    }

    @Transactional
    public Verification verify(String accountId, UUID flowId, VerificationMethod method, boolean passed, String staff) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", method == null ? null : method.name());
        details.put("passed", passed);
        Optional<AccountFacts> account = facts.read(accountId);
        if (account.isEmpty()) {
            return new Verification(StepResult.NO_SUCH_ACCOUNT, details);
        }
        VerificationMethod required = VerificationMethod.requiredFor(account.get().identityType());
        details.put("identityType", account.get().identityType().name());
        if (method != required) {
            details.put("required", required.name());
            return new Verification(StepResult.WRONG_METHOD, details);
        }
        if (!flows.verified(flowId, accountId, staff, method, passed, clock.instant())) {
            return new Verification(StepResult.NOT_VERIFIED, details);
        }
        if (!passed) {
            return new Verification(StepResult.VERIFICATION_FAILED, details);
        }
        events.publishEvent(new IdentityVerified(accountId, flowId, method, account.get().identityType()));
        return new Verification(StepResult.RECORDED, details);
    }

    @Transactional
    public StepResult confirm(String accountId, UUID flowId, String version, String staff) {
        if (!ClosureWorkflow.CONFIRMATION_VERSION.equals(version)) {
            return StepResult.OUTDATED_TEXT;
        }
        if (!flows.confirmed(flowId, accountId, staff, version, clock.instant())) {
            return StepResult.NOT_VERIFIED;
        }
        events.publishEvent(new GiveUpConfirmed(accountId, flowId, version));
        return StepResult.RECORDED;
    }
}
