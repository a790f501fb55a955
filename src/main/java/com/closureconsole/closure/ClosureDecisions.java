package com.closureconsole.closure;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.closureconsole.account.AccountLifecycle;
import com.closureconsole.shared.Masking;
import com.closureconsole.audit.AuditOutcome;
import com.closureconsole.closure.DecisionResult.Refusal;
import com.closureconsole.security.CurrentStaff;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The decisions on a closure request: a supervisor approves (the checks run again) or rejects; an
 * agent cancels while it awaits approval or cools off. Each is one transaction that locks the
 * account row and then the request's (the package's lock order); the request itself says whether
 * the decision may be taken ({@link ClosureRequest}). A refusal changes nothing and is audited in
 * a transaction of its own once the decision's has ended.
 */
@Service
public class ClosureDecisions {

    private final ClosureRequestRepository requests;
    private final AccountLifecycle accounts;
    private final EligibilityService eligibility;
    private final ClosureOutcomes outcomes;
    private final TransactionTemplate transactions;
    private final CurrentStaff currentStaff;
    private final Clock clock;

    ClosureDecisions(ClosureRequestRepository requests, AccountLifecycle accounts, EligibilityService eligibility,
                     ClosureOutcomes outcomes, TransactionTemplate transactions, CurrentStaff currentStaff,
                     Clock clock) {
        this.requests = requests;
        this.accounts = accounts;
        this.eligibility = eligibility;
        this.outcomes = outcomes;
        this.transactions = transactions;
        this.currentStaff = currentStaff;
        this.clock = clock;
    }

    /** A supervisor other than the initiator approves; the checks run again. */
    @PreAuthorize("hasRole('SUPERVISOR')")
    public DecisionResult approve(UUID requestId, @Nullable String comment) {
        String supervisor = currentStaff.require().username();
        DecisionResult result = ClosureReason.tooLong(comment) ? refused(requestId, Refusal.REASON_TOO_LONG, null)
                : locked(requestId, request -> approve(request, ClosureReason.blankToNull(comment), supervisor));
        return audited(ClosureDecisionRefused.Decision.APPROVE, result);
    }

    /** A supervisor rejects, with a reason the customer and the audit keep. */
    @PreAuthorize("hasRole('SUPERVISOR')")
    public DecisionResult reject(UUID requestId, @Nullable String reason) {
        String supervisor = currentStaff.require().username();
        String text = ClosureReason.blankToNull(reason);
        DecisionResult result = text == null ? refused(requestId, Refusal.REASON_REQUIRED, null)
                : ClosureReason.tooLong(text) ? refused(requestId, Refusal.REASON_TOO_LONG, null)
                : locked(requestId, request -> reject(request, text, supervisor));
        return audited(ClosureDecisionRefused.Decision.REJECT, result);
    }

    /** An agent cancels while the request awaits approval or is within its cooling-off window. */
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
    public DecisionResult cancel(UUID requestId, @Nullable String reason) {
        String staff = currentStaff.require().username();
        DecisionResult result = ClosureReason.tooLong(reason) ? refused(requestId, Refusal.REASON_TOO_LONG, null)
                : locked(requestId, request -> cancel(request, ClosureReason.blankToNull(reason), staff));
        return audited(ClosureDecisionRefused.Decision.CANCEL, result);
    }

    private DecisionResult approve(ClosureRequest request, @Nullable String comment, String supervisor) {
        Optional<Refusal> refusal = request.refusalToApprove(supervisor);
        if (refusal.isPresent()) {
            return refused(request.id(), refusal.get(), request);
        }
        Instant now = clock.instant();
        request.approve(supervisor, comment);
        EligibilityReport report = eligibility.recheck(request.accountId(), true);
        if (!report.closable()) {
            return DecisionResult.of(request, outcomes.fail(request, report.failureCode(), AuditOutcome.BLOCKED,
                    EligibilityService.auditDetails(report), now));
        }
        outcomes.publish(new ClosureApproved(request.id(), request.accountId(), request.state(),
                comment == null ? null : Masking.freeText(comment)));
        return DecisionResult.of(request, outcomes.afterApproval(request, now));
    }

    private DecisionResult reject(ClosureRequest request, String reason, String supervisor) {
        Optional<Refusal> refusal = request.refusalToReject();
        if (refusal.isPresent()) {
            return refused(request.id(), refusal.get(), request);
        }
        Instant now = clock.instant();
        request.reject(supervisor, reason, now);
        AccountLifecycle.StatusChange change = outcomes.reopen(request, now);
        outcomes.publish(new ClosureRejected(request.id(), request.accountId(), request.state(),
                Masking.freeText(reason)));
        outcomes.finished(request);
        return DecisionResult.of(request, change);
    }

    private DecisionResult cancel(ClosureRequest request, @Nullable String reason, String staff) {
        Instant now = clock.instant();
        Optional<Refusal> refusal = request.refusalToCancel(now);
        if (refusal.isPresent()) {
            return refused(request.id(), refusal.get(), request);
        }
        request.cancel(staff, reason, now);
        AccountLifecycle.StatusChange change = outcomes.reopen(request, now);
        outcomes.publish(new ClosureCancelled(request.id(), request.accountId(), request.state(),
                reason == null ? null : Masking.freeText(reason)));
        outcomes.finished(request);
        return DecisionResult.of(request, change);
    }

    /** In one transaction: the account row first, then the request's (the package's lock order), then the decision. */
    private DecisionResult locked(UUID requestId, Function<ClosureRequest, DecisionResult> decision) {
        return transactions.execute(status -> {
            Optional<String> accountId = requestId == null ? Optional.empty() : requests.accountIdOf(requestId);
            if (accountId.isEmpty()) {
                return refused(requestId, Refusal.NO_SUCH_REQUEST, null);
            }
            accounts.lock(accountId.get());
            return requests.lockById(requestId).map(decision)
                    .orElseGet(() -> refused(requestId, Refusal.NO_SUCH_REQUEST, null));
        });
    }

    /** A refused decision audited in a transaction of its own, after the decision's has ended. */
    private DecisionResult audited(ClosureDecisionRefused.Decision decision, DecisionResult result) {
        if (result instanceof DecisionResult.Refused refused) {
            outcomes.refused(ClosureDecisionRefused.of(decision, refused));
        }
        return result;
    }

    private static DecisionResult refused(@Nullable UUID requestId, Refusal reason, @Nullable ClosureRequest request) {
        return new DecisionResult.Refused(requestId, reason, request == null ? null : request.view());
    }
}
