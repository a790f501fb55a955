package com.closureconsole.closure;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.closureconsole.account.AccountFacts;
import com.closureconsole.account.WalletFactsReader;
import com.closureconsole.security.CurrentStaff;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Steps 2 to 4 of the closure flow (DOMAIN.md section 3), kept by the server for the flow id
 * ({@link ClosureFlows}): the identity verification, the check, and the customer's acceptance of
 * what is given up. Nothing but the steps and their audit is written before the submission
 * ({@link ClosureSubmission}). Each recorded step is one transaction that records it and audits
 * it when it passed; a failed or refused step is audited in a transaction of its own once the
 * step's has ended. {@link #progress} answers where the flow stands, which is all a view shows.
 */
@Service
public class FlowSteps {

    /** The version of the "what the customer gives up" text the flow shows. */
    public static final String CONFIRMATION_VERSION = "2026-11-v1";

    private final WalletFactsReader facts;
    private final EligibilityService eligibility;
    private final ClosureFlows flows;
    private final ClosureOutcomes outcomes;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final CurrentStaff currentStaff;
    private final Clock clock;

    FlowSteps(WalletFactsReader facts, EligibilityService eligibility, ClosureFlows flows, ClosureOutcomes outcomes,
              ApplicationEventPublisher events, TransactionTemplate transactions, CurrentStaff currentStaff,
              Clock clock) {
        this.facts = facts;
        this.eligibility = eligibility;
        this.flows = flows;
        this.outcomes = outcomes;
        this.events = events;
        this.transactions = transactions;
        this.currentStaff = currentStaff;
        this.clock = clock;
    }

    /** Step 3, with what steps 2 and 4 need to know; audited as a condition check of the flow. */
    @Transactional
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
    public ClosurePreview preview(String accountId, UUID flowId) {
        Optional<AccountFacts> account = facts.read(accountId);
        EligibilityReport report = eligibility.check(accountId, account, flowId);
        return new ClosurePreview(accountId,
                account.map(AccountFacts::identityType).orElse(null),
                account.map(a -> VerificationMethod.requiredFor(a.identityType())).orElse(null),
                account.map(AccountFacts::hasEmail).orElse(false),
                account.map(AccountFacts::taobaoId).orElse(null),
                account.map(a -> TaobaoOutcome.of(a.taobaoId(), a.taobaoClosable())).orElse(TaobaoOutcome.NONE),
                CONFIRMATION_VERSION, report);
    }

    /**
     * Step 2: records for the flow which verification method the agent used and whether the
     * customer passed. A failed verification is recorded (the flow then cannot be submitted) and
     * audited on its own; the wrong method for the account type records nothing and is audited.
     */
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
    public StepResult recordVerification(String accountId, UUID flowId, @Nullable VerificationMethod method,
                                         boolean passed) {
        String staff = currentStaff.require().username();
        Verification verification = transactions.execute(status -> verify(accountId, flowId, method, passed, staff));
        if (verification.result() != StepResult.RECORDED) {
            outcomes.refused(new IdentityVerificationRefused(accountId, flowId, verification.result(),
                    verification.details()));
        }
        return verification.result();
    }

    /**
     * Step 4: the customer accepts what the closure gives up, as the text of {@code version} said
     * it; recorded for the flow and audited. Refused, and audited, before a passed verification of
     * the flow, or for another version of the text than the current one.
     */
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
    public StepResult confirmGivenUp(String accountId, UUID flowId, String version) {
        String staff = currentStaff.require().username();
        StepResult result = transactions.execute(status -> confirm(accountId, flowId, version, staff));
        if (result != StepResult.RECORDED) {
            outcomes.refused(new GiveUpConfirmationRefused(accountId, flowId, version, result));
        }
        return result;
    }

    /**
     * Where the signed-in member of staff's flow {@code flowId} for {@code accountId} stands, as
     * the server recorded it; a flow of another account or agent, or none yet, has nothing recorded.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
    public FlowProgress progress(String accountId, UUID flowId) {
        String staff = currentStaff.require().username();
        return flows.find(flowId)
                .filter(flow -> flow.accountId().equals(accountId) && flow.startedBy().equals(staff))
                .map(flow -> new FlowProgress(flowId,
                        flow.verificationPassed() ? FlowProgress.Verification.PASSED : FlowProgress.Verification.FAILED,
                        flow.verificationPassed() && CONFIRMATION_VERSION.equals(flow.confirmationVersion())))
                .orElse(new FlowProgress(flowId, FlowProgress.Verification.NONE, false));
    }

    /** What an identity verification step found, with the details its audit entry keeps. */
    private record Verification(StepResult result, Map<String, Object> details) {
    }

    private Verification verify(String accountId, UUID flowId, @Nullable VerificationMethod method, boolean passed,
                                String staff) {
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

    private StepResult confirm(String accountId, UUID flowId, String version, String staff) {
        if (!CONFIRMATION_VERSION.equals(version)) {
            return StepResult.OUTDATED_TEXT;
        }
        if (!flows.confirmed(flowId, accountId, staff, version, clock.instant())) {
            return StepResult.NOT_VERIFIED;
        }
        events.publishEvent(new GiveUpConfirmed(accountId, flowId, version));
        return StepResult.RECORDED;
    }
}
