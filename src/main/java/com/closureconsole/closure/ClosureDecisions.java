package com.closureconsole.closure;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.closureconsole.account.AccountLifecycle;
import com.closureconsole.shared.Masking;
import com.closureconsole.audit.AuditOutcome;
import com.closureconsole.closure.DecisionResult.Refusal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decisions on a request, each one transaction that locks the account row and then the
 * request's (the package's lock order): approve (the checks run again), reject, cancel. A refusal
 * changes nothing; {@link ClosureWorkflow} audits it after this transaction, in one of its own.
 */
@Component
class ClosureDecisions {

    private final ClosureRequestRepository requests;
    private final AccountLifecycle accounts;
    private final EligibilityService eligibility;
    private final ClosureOutcomes outcomes;
    private final ClosureSubmission submission;
    private final Clock clock;

    ClosureDecisions(ClosureRequestRepository requests, AccountLifecycle accounts, EligibilityService eligibility,
                     ClosureOutcomes outcomes, ClosureSubmission submission, Clock clock) {
        this.requests = requests;
        this.accounts = accounts;
        this.eligibility = eligibility;
        this.outcomes = outcomes;
        this.submission = submission;
        this.clock = clock;
    }

    @Transactional
    public DecisionResult approve(UUID requestId, String comment, String supervisor) {
        Optional<ClosureRequest> locked = lockRequest(requestId);
        if (locked.isEmpty()) {
            return refused(requestId, Refusal.NO_SUCH_REQUEST, null);
        }
        ClosureRequest request = locked.get();
        if (supervisor.equals(request.initiatedBy())) {
            return refused(requestId, Refusal.SELF_APPROVAL, request);
        }
        if (request.state() != ClosureState.AWAITING_APPROVAL) {
            return refused(requestId, Refusal.ALREADY_DECIDED, request);
        }
        Instant now = clock.instant();
        request.decide(supervisor, ClosureWorkflow.blankToNull(comment));
        EligibilityReport report = eligibility.recheck(request.accountId(), true);
        if (!report.closable()) {
            return DecisionResult.of(request, outcomes.fail(request, ClosureWorkflow.failureReason(report),
                    AuditOutcome.BLOCKED, EligibilityService.auditDetails(report), now));
        }
        outcomes.publish(new ClosureApproved(request.id(), request.accountId(), request.state(),
                ClosureWorkflow.blankToNull(comment) == null ? null : Masking.freeText(comment.strip())));
        return DecisionResult.of(request, submission.afterApproval(request, now));
    }

    @Transactional
    public DecisionResult reject(UUID requestId, String reason, String supervisor) {
        Optional<ClosureRequest> locked = lockRequest(requestId);
        if (locked.isEmpty()) {
            return refused(requestId, Refusal.NO_SUCH_REQUEST, null);
        }
        ClosureRequest request = locked.get();
        if (request.state() != ClosureState.AWAITING_APPROVAL) {
            return refused(requestId, Refusal.ALREADY_DECIDED, request);
        }
        Instant now = clock.instant();
        request.decide(supervisor, reason.strip());
        request.moveTo(ClosureState.REJECTED, now);
        AccountLifecycle.StatusChange change = outcomes.reopen(request, now);
        outcomes.publish(new ClosureRejected(request.id(), request.accountId(), request.state(),
                Masking.freeText(reason.strip())));
        outcomes.finished(request);
        return DecisionResult.of(request, change);
    }

    @Transactional
    public DecisionResult cancel(UUID requestId, String reason, String staff) {
        Optional<ClosureRequest> locked = lockRequest(requestId);
        if (locked.isEmpty()) {
            return refused(requestId, Refusal.NO_SUCH_REQUEST, null);
        }
        ClosureRequest request = locked.get();
        Instant now = clock.instant();
        if (!request.view().cancellableAt(now)) {
            return refused(requestId, Refusal.TOO_LATE_TO_CANCEL, request);
        }
        request.decide(staff, ClosureWorkflow.blankToNull(reason));
        request.moveTo(ClosureState.CANCELLED, now);
        AccountLifecycle.StatusChange change = outcomes.reopen(request, now);
        outcomes.publish(new ClosureCancelled(request.id(), request.accountId(), request.state(),
                ClosureWorkflow.blankToNull(reason) == null ? null : Masking.freeText(reason.strip())));
        outcomes.finished(request);
        return DecisionResult.of(request, change);
    }

    /** The account row first, then the request's: the package's lock order. */
    private Optional<ClosureRequest> lockRequest(UUID requestId) {
        if (requestId == null) {
            return Optional.empty();
        }
        Optional<String> accountId = requests.accountIdOf(requestId);
        if (accountId.isEmpty()) {
            return Optional.empty();
        }
        accounts.lock(accountId.get());
        return requests.lockById(requestId);
    }

    private static DecisionResult refused(UUID requestId, Refusal reason, ClosureRequest request) {
        return new DecisionResult.Refused(requestId, reason, request == null ? null : request.view());
    }
}
