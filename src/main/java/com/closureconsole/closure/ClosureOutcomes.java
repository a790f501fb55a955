package com.closureconsole.closure;

import java.time.Instant;
import java.util.Map;

import com.closureconsole.account.AccountLifecycle;
import com.closureconsole.account.AccountLifecycle.StatusChange;
import com.closureconsole.account.AccountStatus;
import com.closureconsole.audit.AttemptRefused;
import com.closureconsole.audit.AuditOutcome;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The ends of a closure, shared by the submission, the decisions and the completion job. Every
 * account move names the status it expects: completion moves CLOSING to CLOSED only; rejection,
 * cancellation and failure move CLOSING back to ACTIVE only. A mismatch changes nothing on the
 * account and is audited as {@code ACCOUNT_STATUS_CONFLICT}. Joins the caller's transaction,
 * which holds the account row and then the request row (see the package's lock order).
 */
@Component
class ClosureOutcomes {

    private final AccountLifecycle accounts;
    private final ClosurePolicy policy;
    private final ApplicationEventPublisher events;

    ClosureOutcomes(AccountLifecycle accounts, ClosurePolicy policy, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.policy = policy;
        this.events = events;
    }

    /** After the submission or the approval: complete now, or cool off while the account stays CLOSING. */
    StatusChange afterApproval(ClosureRequest request, Instant now) {
        if (policy.getCoolingOff().isZero()) {
            return complete(request, now);
        }
        return coolOff(request, now.plus(policy.getCoolingOff()), now);
    }

    /**
     * Completes the request: the account CLOSING to CLOSED. An account that is no longer CLOSING
     * stays as found and the request fails instead, with the status it found as the reason.
     */
    StatusChange complete(ClosureRequest request, Instant now) {
        StatusChange change = accounts.move(request.accountId(), AccountStatus.CLOSING, AccountStatus.CLOSED, now);
        if (!change.moved()) {
            failOnConflict(request, change, now);
            return change;
        }
        request.complete(now);
        if (request.taobaoOutcome() == TaobaoOutcome.UNBOUND) {
            accounts.unbindTaobao(request.accountId());
        }
        publish(new ClosureCompleted(request.id(), request.accountId(), request.state(), request.taobaoOutcome()));
        finished(request);
        return change;
    }

    /**
     * Starts the cooling-off window. The account must still be CLOSING (checked by a
     * compare-and-set that keeps it so); otherwise the request fails as in {@link #complete}.
     */
    StatusChange coolOff(ClosureRequest request, Instant due, Instant now) {
        StatusChange change = accounts.move(request.accountId(), AccountStatus.CLOSING, AccountStatus.CLOSING, now);
        if (!change.moved()) {
            failOnConflict(request, change, now);
            return change;
        }
        request.coolOffUntil(due, now);
        return change;
    }

    /** Fails the request for {@code reason}; the account goes back to ACTIVE only if it is still CLOSING. */
    StatusChange fail(ClosureRequest request, String reason, AuditOutcome outcome, Map<String, Object> details,
                      Instant now) {
        request.fail(reason, now);
        StatusChange change = reopen(request, now);
        publish(new ClosureFailed(request.id(), request.accountId(), request.state(), outcome, details,
                change.moved() ? change.target().name() : change.found().name()));
        finished(request);
        return change;
    }

    /** The account CLOSING back to ACTIVE, for a request that ended without closing it. */
    StatusChange reopen(ClosureRequest request, Instant now) {
        StatusChange change = accounts.move(request.accountId(), AccountStatus.CLOSING, AccountStatus.ACTIVE, now);
        if (!change.moved()) {
            conflict(request, change);
        }
        return change;
    }

    void finished(ClosureRequest request) {
        events.publishEvent(new ClosureFinished(request.id(), request.accountId(), request.state(), request.taobaoOutcome()));
    }

    /** Something that happened to the request, audited in the caller's transaction. */
    void publish(ClosureRequestFact fact) {
        events.publishEvent(fact);
    }

    /** A refused attempt, audited in a transaction of its own so it stays whatever the caller's does. */
    void refused(AttemptRefused attempt) {
        events.publishEvent(attempt);
    }

    private void failOnConflict(ClosureRequest request, StatusChange change, Instant now) {
        conflict(request, change);
        request.fail("ACCOUNT_STATUS_" + change.found().name(), now);
        publish(new ClosureFailed(request.id(), request.accountId(), request.state(), AuditOutcome.FAILURE, Map.of(),
                change.found().name()));
        finished(request);
    }

    private void conflict(ClosureRequest request, StatusChange change) {
        publish(new AccountStatusConflicted(request.id(), request.accountId(), request.state(), change.expected(),
                change.target(), change.found()));
    }
}
