package com.closureconsole.closure;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.closureconsole.account.AccountFacts;
import com.closureconsole.account.WalletFactsReader;
import com.closureconsole.closure.DecisionResult.Refusal;
import com.closureconsole.security.CurrentStaff;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The closure flow of DOMAIN.md section 3. The server keeps the flow's steps for its flow id
 * ({@link #recordVerification}, {@link #confirmGivenUp}); nothing else is written before
 * {@link #submit}, except the audit of the steps. {@link #submit} refuses a flow that skipped a
 * step, and is otherwise one transaction that locks the account and what the check reads, checks
 * everything again, and persists the request, the account's new status and the customer
 * notification together, or nothing at all. Limits on what the agent types are enforced here.
 * Every call answers a result (nothing to catch); every refusal is audited in a transaction of its
 * own, after the work's transaction has ended (so a refused caller never holds two connections),
 * with free text masked. The work itself is done by {@link FlowSteps}, {@link ClosureSubmission}
 * and {@link ClosureDecisions}, each taking its locks in the order the package documents.
 */
@Service
public class ClosureWorkflow {

    /** The version of the "what the customer gives up" text the flow shows. */
    public static final String CONFIRMATION_VERSION = "2026-11-v1";
    /** The longest reason text, decision reason or comment, in characters. */
    public static final int MAX_REASON_TEXT = 500;
    private static final int MAX_IDEMPOTENCY_KEY = 64;

    private final ClosureRequestRepository requests;
    private final EligibilityService eligibility;
    private final WalletFactsReader facts;
    private final ClosureOutcomes outcomes;
    private final FlowSteps steps;
    private final ClosureSubmission submission;
    private final ClosureDecisions decisions;
    private final CurrentStaff currentStaff;

    ClosureWorkflow(ClosureRequestRepository requests, EligibilityService eligibility, WalletFactsReader facts,
                    ClosureOutcomes outcomes, FlowSteps steps, ClosureSubmission submission, ClosureDecisions decisions,
                    CurrentStaff currentStaff) {
        this.requests = requests;
        this.eligibility = eligibility;
        this.facts = facts;
        this.outcomes = outcomes;
        this.steps = steps;
        this.submission = submission;
        this.decisions = decisions;
        this.currentStaff = currentStaff;
    }

    /** Step 3 of the flow, with what steps 2 and 4 need to know; audited as a condition check. */
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
    public StepResult recordVerification(String accountId, UUID flowId, VerificationMethod method, boolean passed) {
        FlowSteps.Verification verification = steps.verify(accountId, flowId, method, passed,
                currentStaff.require().username());
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
        StepResult result = steps.confirm(accountId, flowId, version, currentStaff.require().username());
        if (result != StepResult.RECORDED) {
            outcomes.refused(new GiveUpConfirmationRefused(accountId, flowId, version, result));
        }
        return result;
    }

    /**
     * Step 5: the second check and the submission ({@link ClosureSubmission}). Refused, and
     * audited, when the input breaks a limit, when the flow skipped a step, when a check blocks,
     * or when another closure of the account won a race the row lock did not see.
     */
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
    public SubmissionResult submit(SubmitClosure command) {
        Optional<SubmissionResult.Refusal> invalid = invalid(command);
        SubmissionResult result;
        if (invalid.isPresent()) {
            result = new SubmissionResult.Refused(invalid.get(), null);
        } else {
            result = submitChecked(command);
        }
        if (result instanceof SubmissionResult.Refused refused) {
            outcomes.refused(new ClosureSubmissionRefused(command.accountId(), command.flowId(), refused.reason(),
                    refused.report(), command.reason()));
        }
        return result;
    }

    private SubmissionResult submitChecked(SubmitClosure command) {
        try {
            return submission.submit(command, currentStaff.require().username());
        } catch (DataIntegrityViolationException e) {
            // A unique index caught a race: the same confirmation twice, or two closures of one account.
            Optional<ClosureRequest> replayed = requests.findByIdempotencyKey(command.idempotencyKey());
            if (replayed.isPresent()) {
                return new SubmissionResult.Submitted(replayed.get().view(), true);
            }
            if (requests.existsByAccountIdAndStateIn(command.accountId(), ClosureSubmission.IN_FLIGHT)) {
                return new SubmissionResult.Refused(SubmissionResult.Refusal.ALREADY_IN_PROGRESS, null);
            }
            throw e;
        }
    }

    /** A supervisor other than the initiator approves; the checks run again. */
    @PreAuthorize("hasRole('SUPERVISOR')")
    public DecisionResult approve(UUID requestId, String comment) {
        DecisionResult result = tooLong(comment) ? new DecisionResult.Refused(requestId, Refusal.REASON_TOO_LONG, null)
                : decisions.approve(requestId, comment, currentStaff.require().username());
        return audited(ClosureDecisionRefused.Decision.APPROVE, result);
    }

    /** A supervisor rejects, with a reason the customer and the audit keep. */
    @PreAuthorize("hasRole('SUPERVISOR')")
    public DecisionResult reject(UUID requestId, String reason) {
        DecisionResult result = blankToNull(reason) == null ? new DecisionResult.Refused(requestId, Refusal.REASON_REQUIRED, null)
                : tooLong(reason) ? new DecisionResult.Refused(requestId, Refusal.REASON_TOO_LONG, null)
                : decisions.reject(requestId, reason, currentStaff.require().username());
        return audited(ClosureDecisionRefused.Decision.REJECT, result);
    }

    /** An agent cancels while the request awaits approval or is within its cooling-off window. */
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
    public DecisionResult cancel(UUID requestId, String reason) {
        DecisionResult result = tooLong(reason) ? new DecisionResult.Refused(requestId, Refusal.REASON_TOO_LONG, null)
                : decisions.cancel(requestId, reason, currentStaff.require().username());
        return audited(ClosureDecisionRefused.Decision.CANCEL, result);
    }

    /** A refused decision audited in a transaction of its own, after the decision's has ended. */
    private DecisionResult audited(ClosureDecisionRefused.Decision decision, DecisionResult result) {
        if (result instanceof DecisionResult.Refused refused) {
            outcomes.refused(ClosureDecisionRefused.of(decision, refused));
        }
        return result;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
    public List<ClosureRequestView> forAccount(String accountId) {
        return requests.findByAccountIdOrderBySubmittedAtDesc(accountId, Limit.of(20)).stream().map(ClosureRequest::view).toList();
    }

    /** The newest requests, optionally only those in the given states. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
    public List<ClosureRequestView> recent(EnumSet<ClosureState> states, int limit) {
        List<ClosureRequest> found = states.isEmpty()
                ? requests.findAllByOrderBySubmittedAtDesc(Limit.of(limit))
                : requests.findByStateInOrderBySubmittedAtDesc(states, Limit.of(limit));
        return found.stream().map(ClosureRequest::view).toList();
    }

    static String failureReason(EligibilityReport report) {
        return report.failedPreCheck() != null ? report.failedPreCheck().name()
                : String.join(",", report.blockingCodes().stream().map(Enum::name).toList());
    }

    /** What breaks a limit of the submission, if anything: the domain's limits, mirrored by the dialog. */
    private static Optional<SubmissionResult.Refusal> invalid(SubmitClosure command) {
        if (command.flowId() == null || command.idempotencyKey() == null || command.idempotencyKey().isBlank()
                || command.idempotencyKey().length() > MAX_IDEMPOTENCY_KEY
                || command.accountId() == null || command.reason() == null) {
            return Optional.of(SubmissionResult.Refusal.INCOMPLETE);
        }
        if (tooLong(command.reasonText())) {
            return Optional.of(SubmissionResult.Refusal.REASON_TEXT_TOO_LONG);
        }
        if (command.reason() == ClosureReason.OTHER && blankToNull(command.reasonText()) == null) {
            return Optional.of(SubmissionResult.Refusal.REASON_TEXT_REQUIRED);
        }
        return Optional.empty();
    }

    private static boolean tooLong(String text) {
        return text != null && text.strip().length() > MAX_REASON_TEXT;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
