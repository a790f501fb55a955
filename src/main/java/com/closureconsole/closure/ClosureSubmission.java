package com.closureconsole.closure;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.closureconsole.account.AccountFacts;
import com.closureconsole.account.AccountLifecycle;
import com.closureconsole.account.AccountStatus;
import com.closureconsole.shared.Masking;
import com.closureconsole.account.WalletFactsReader;
import com.closureconsole.closure.SubmissionResult.Refusal;
import com.closureconsole.security.CurrentStaff;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Step 5 of the flow: the second check and the submission, in one transaction that locks the
 * account row, then what the check reads ({@link WalletFactsReader#readLocked}), then the flow's
 * recorded steps, so a concurrent credit or new agreement either waits for the submission or is
 * seen by it; it persists the request, the account's new status and the customer notification
 * together, or nothing. A flow whose verification or confirmation the server has not recorded is
 * refused, and so is input that breaks a limit. Every refusal is answered as a result and audited
 * in a transaction of its own once the submission's has ended, so a refused caller never holds
 * two connections at once. A refusal because another closure of the account won the race names
 * that closure ({@link SubmissionResult.Refused#competing}): who started it and when.
 */
@Service
public class ClosureSubmission {

    static final EnumSet<ClosureState> IN_FLIGHT =
            EnumSet.of(ClosureState.SUBMITTED, ClosureState.AWAITING_APPROVAL, ClosureState.COOLING_OFF);
    /** A closure that holds the account or has closed it: what a losing submission is told about. */
    private static final EnumSet<ClosureState> HOLDS_ACCOUNT =
            EnumSet.of(ClosureState.SUBMITTED, ClosureState.AWAITING_APPROVAL, ClosureState.COOLING_OFF,
                    ClosureState.COMPLETED);
    private static final int MAX_IDEMPOTENCY_KEY = 64;

    private final ClosureRequestRepository requests;
    private final EligibilityService eligibility;
    private final WalletFactsReader facts;
    private final AccountLifecycle accounts;
    private final ClosureFlows flows;
    private final ClosureOutcomes outcomes;
    private final ClosurePolicy policy;
    private final TransactionTemplate transactions;
    private final CurrentStaff currentStaff;
    private final Clock clock;

    ClosureSubmission(ClosureRequestRepository requests, EligibilityService eligibility, WalletFactsReader facts,
                      AccountLifecycle accounts, ClosureFlows flows, ClosureOutcomes outcomes, ClosurePolicy policy,
                      TransactionTemplate transactions, CurrentStaff currentStaff, Clock clock) {
        this.requests = requests;
        this.eligibility = eligibility;
        this.facts = facts;
        this.accounts = accounts;
        this.flows = flows;
        this.outcomes = outcomes;
        this.policy = policy;
        this.transactions = transactions;
        this.currentStaff = currentStaff;
        this.clock = clock;
    }

    /**
     * Refused, and audited, when the input breaks a limit, when the flow skipped a step, when a
     * check blocks, or when another closure of the account won a race the row lock did not see.
     */
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
    public SubmissionResult submit(SubmitClosure command) {
        Optional<Refusal> invalid = invalid(command);
        SubmissionResult result = invalid.isPresent() ? new SubmissionResult.Refused(invalid.get(), null)
                : submitChecked(Complete.of(command), currentStaff.require().username());
        if (result instanceof SubmissionResult.Refused refused) {
            SubmissionResult.Refused told = withCompeting(command, refused);
            auditRefusal(command, told);
            return told;
        }
        return result;
    }

    private SubmissionResult submitChecked(Complete command, String staff) {
        try {
            return transactions.execute(status -> submitLocked(command, staff));
        } catch (DataIntegrityViolationException e) {
            // A unique index caught a race: the same confirmation twice, or two closures of one account.
            Optional<ClosureRequest> replayed = requests.findByIdempotencyKey(command.idempotencyKey());
            if (replayed.isPresent()) {
                return new SubmissionResult.Submitted(replayed.get().view(), true);
            }
            if (requests.existsByAccountIdAndStateIn(command.accountId(), IN_FLIGHT)) {
                return new SubmissionResult.Refused(Refusal.ALREADY_IN_PROGRESS, null);
            }
            throw e;
        }
    }

    private SubmissionResult submitLocked(Complete command, String staff) {
        Optional<ClosureRequest> earlier = requests.findByIdempotencyKey(command.idempotencyKey());
        if (earlier.isPresent()) {
            return new SubmissionResult.Submitted(earlier.get().view(), true);
        }
        Instant now = clock.instant();
        if (accounts.lock(command.accountId()).isEmpty()) {
            return refuse(Refusal.NOT_ELIGIBLE, eligibility.recheck(command.accountId(), Optional.empty(), false));
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
            return refuse(Refusal.IDENTITY_NOT_VERIFIED, null);
        }
        if (flow.get().verificationMethod() != required) {
            return refuse(Refusal.WRONG_VERIFICATION_METHOD, null);
        }
        if (flow.get().confirmationVersion() == null) {
            return refuse(Refusal.GIVE_UP_NOT_CONFIRMED, null);
        }
        if (!FlowSteps.CONFIRMATION_VERSION.equals(flow.get().confirmationVersion())) {
            return refuse(Refusal.CONFIRMATION_OUTDATED, null);
        }
        EligibilityReport report = eligibility.recheck(command.accountId(), read, false);
        if (!report.closable()) {
            return refuse(Refusal.NOT_ELIGIBLE, report);
        }
        if (requests.existsByAccountIdAndStateIn(command.accountId(), IN_FLIGHT)) {
            return refuse(Refusal.ALREADY_IN_PROGRESS, report);
        }
        ClosureRequest request = new ClosureRequest(command.flowId(), command.accountId(), command.idempotencyKey(),
                staff, flow.get().verificationMethod(), flow.get().confirmationVersion(), command.reason(),
                ClosureReason.blankToNull(command.reasonText()),
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
            request.awaitApproval(now);
        } else {
            outcomes.afterApproval(request, now);
        }
        return new SubmissionResult.Submitted(request.view(), false);
    }

    /** Refuses the submission: nothing persisted. The refusal is audited once this transaction has ended. */
    private static SubmissionResult refuse(Refusal reason, @Nullable EligibilityReport report) {
        return new SubmissionResult.Refused(reason, report);
    }

    /**
     * The refusal with the closure that holds or closed the account, when that is why it was
     * refused (the account is closing or closed, or another closure is in flight): read after
     * the submission's transaction, so the winner of a race has committed and is seen.
     */
    private SubmissionResult.Refused withCompeting(SubmitClosure command, SubmissionResult.Refused refused) {
        boolean heldByAnother = refused.reason() == Refusal.ALREADY_IN_PROGRESS
                || refused.reason() == Refusal.NOT_ELIGIBLE && refused.report() != null
                && (refused.report().failedPreCheck() == PreCheck.NOT_CLOSING
                || refused.report().failedPreCheck() == PreCheck.NOT_CLOSED);
        // Such a refusal comes after the input was found complete, so it names an account.
        String accountId = command.accountId();
        if (!heldByAnother || accountId == null) {
            return refused;
        }
        return requests.findFirstByAccountIdAndStateInOrderBySubmittedAtDesc(accountId, HOLDS_ACCOUNT)
                .map(winner -> new SubmissionResult.Refused(refused.reason(), refused.report(), winner.view()))
                .orElse(refused);
    }

    private void auditRefusal(SubmitClosure command, SubmissionResult.Refused refused) {
        outcomes.refused(new ClosureSubmissionRefused(command.accountId(), command.flowId(), refused.reason(),
                refused.report(), command.reason(), refused.competing()));
    }

    /** What breaks a limit of the submission, if anything: the domain's limits, mirrored by the dialog. */
    private static Optional<Refusal> invalid(SubmitClosure command) {
        if (command.flowId() == null || command.idempotencyKey() == null || command.idempotencyKey().isBlank()
                || command.idempotencyKey().length() > MAX_IDEMPOTENCY_KEY
                || command.accountId() == null || command.reason() == null) {
            return Optional.of(Refusal.INCOMPLETE);
        }
        if (ClosureReason.tooLong(command.reasonText())) {
            return Optional.of(Refusal.REASON_TEXT_TOO_LONG);
        }
        if (command.reason() == ClosureReason.OTHER && ClosureReason.blankToNull(command.reasonText()) == null) {
            return Optional.of(Refusal.REASON_TEXT_REQUIRED);
        }
        return Optional.empty();
    }

    /** A submission that {@link #invalid} let through: every part it needs is there. */
    private record Complete(UUID flowId, String idempotencyKey, String accountId, ClosureReason reason,
                            @Nullable String reasonText) {

        private static final String CHECKED = "checked by invalid()";

        static Complete of(SubmitClosure command) {
            return new Complete(Objects.requireNonNull(command.flowId(), CHECKED),
                    Objects.requireNonNull(command.idempotencyKey(), CHECKED),
                    Objects.requireNonNull(command.accountId(), CHECKED),
                    Objects.requireNonNull(command.reason(), CHECKED), command.reasonText());
        }
    }
}
