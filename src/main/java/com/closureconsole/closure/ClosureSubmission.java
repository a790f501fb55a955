package com.closureconsole.closure;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;

import com.closureconsole.account.AccountFacts;
import com.closureconsole.account.AccountLifecycle;
import com.closureconsole.account.AccountStatus;
import com.closureconsole.shared.Masking;
import com.closureconsole.account.WalletFactsReader;
import com.closureconsole.closure.SubmissionResult.Refusal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 5 of the flow: the second check and the submission, in one transaction that locks the
 * account row, then what the check reads ({@link WalletFactsReader#readLocked}), then the flow's
 * recorded steps, so a concurrent credit or new agreement either waits for the submission or is
 * seen by it. A flow whose verification or confirmation the server has not recorded is refused.
 * A refusal persists nothing and is audited by {@link ClosureWorkflow} after this transaction, in
 * one of its own, so a refused caller never holds two connections at once.
 */
@Component
class ClosureSubmission {

    static final EnumSet<ClosureState> IN_FLIGHT =
            EnumSet.of(ClosureState.SUBMITTED, ClosureState.AWAITING_APPROVAL, ClosureState.COOLING_OFF);

    private final ClosureRequestRepository requests;
    private final EligibilityService eligibility;
    private final WalletFactsReader facts;
    private final AccountLifecycle accounts;
    private final ClosureFlows flows;
    private final ClosureOutcomes outcomes;
    private final ClosurePolicy policy;
    private final java.time.Clock clock;

    ClosureSubmission(ClosureRequestRepository requests, EligibilityService eligibility, WalletFactsReader facts,
                      AccountLifecycle accounts, ClosureFlows flows, ClosureOutcomes outcomes, ClosurePolicy policy,
                      java.time.Clock clock) {
        this.requests = requests;
        this.eligibility = eligibility;
        this.facts = facts;
        this.accounts = accounts;
        this.flows = flows;
        this.outcomes = outcomes;
        this.policy = policy;
        this.clock = clock;
    }

    @Transactional
    public SubmissionResult submit(SubmitClosure command, String staff) {
        Optional<ClosureRequest> earlier = requests.findByIdempotencyKey(command.idempotencyKey());
        if (earlier.isPresent()) {
            return new SubmissionResult.Submitted(earlier.get().view(), true);
        }
        Instant now = clock.instant();
        if (accounts.lock(command.accountId()).isEmpty()) {
            return refuse(command, Refusal.NOT_ELIGIBLE, eligibility.recheck(command.accountId(), Optional.empty(), false));
        }
        // A retry that waited on the lock behind its own first attempt finds that attempt now.
        earlier = requests.findByIdempotencyKey(command.idempotencyKey());
        if (earlier.isPresent()) {
            return new SubmissionResult.Submitted(earlier.get().view(), true);
        }
        // Read once, locked: the second check and the request both use these facts.
        Optional<AccountFacts> read = facts.readLocked(command.accountId());
        AccountFacts account = read.orElseThrow(() -> new IllegalStateException("account vanished under its lock"));
        VerificationMethod required = VerificationMethod.requiredFor(account.identityType());
        Optional<ClosureFlows.Flow> flow = flows.lock(command.flowId())
                .filter(f -> f.accountId().equals(command.accountId()) && f.startedBy().equals(staff));
        if (flow.isEmpty() || !flow.get().verificationPassed()) {
            return refuse(command, Refusal.IDENTITY_NOT_VERIFIED, null);
        }
        if (flow.get().verificationMethod() != required) {
            return refuse(command, Refusal.WRONG_VERIFICATION_METHOD, null);
        }
        if (flow.get().confirmationVersion() == null) {
            return refuse(command, Refusal.GIVE_UP_NOT_CONFIRMED, null);
        }
        if (!ClosureWorkflow.CONFIRMATION_VERSION.equals(flow.get().confirmationVersion())) {
            return refuse(command, Refusal.CONFIRMATION_OUTDATED, null);
        }
        EligibilityReport report = eligibility.recheck(command.accountId(), read, false);
        if (!report.closable()) {
            return refuse(command, Refusal.NOT_ELIGIBLE, report);
        }
        if (requests.existsByAccountIdAndStateIn(command.accountId(), IN_FLIGHT)) {
            return refuse(command, Refusal.ALREADY_IN_PROGRESS, report);
        }
        ClosureRequest request = new ClosureRequest(command.flowId(), command.accountId(), command.idempotencyKey(),
                staff, flow.get().verificationMethod(), flow.get().confirmationVersion(), command.reason(),
                ClosureWorkflow.blankToNull(command.reasonText()),
                TaobaoOutcome.of(account.taobaoId(), account.taobaoClosable()), now);
        requests.saveAndFlush(request);
        outcomes.publish(new ClosureSubmitted(request.id(), request.accountId(), request.state(), command.reason(),
                request.view().reasonText() == null ? null : Masking.freeText(request.view().reasonText()),
                flow.get().verificationMethod(), flow.get().confirmationVersion(), request.taobaoOutcome(),
                policy.isApprovalRequired(), policy.getCoolingOff()));
        // The check has just read ACTIVE under the lock, so this move cannot miss.
        if (!accounts.move(request.accountId(), AccountStatus.ACTIVE, AccountStatus.CLOSING, now).moved()) {
            throw new IllegalStateException("account " + request.accountId() + " changed status under its lock");
        }
        if (policy.isApprovalRequired()) {
            request.moveTo(ClosureState.AWAITING_APPROVAL, now);
        } else {
            afterApproval(request, now);
        }
        return new SubmissionResult.Submitted(request.view(), false);
    }

    /** After the submission or the approval: complete now, or cool off while the account stays CLOSING. */
    AccountLifecycle.StatusChange afterApproval(ClosureRequest request, Instant now) {
        if (policy.getCoolingOff().isZero()) {
            return outcomes.complete(request, now);
        }
        return outcomes.coolOff(request, now.plus(policy.getCoolingOff()), now);
    }

    /** Refuses the submission: nothing persisted. The caller audits the refusal once this transaction has ended. */
    private static SubmissionResult refuse(SubmitClosure command, Refusal reason, EligibilityReport report) {
        return new SubmissionResult.Refused(reason, report);
    }
}
