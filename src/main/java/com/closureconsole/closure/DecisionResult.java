package com.closureconsole.closure;

import java.util.UUID;

import com.closureconsole.account.AccountLifecycle.StatusChange;
import com.closureconsole.account.AccountStatus;
import org.jspecify.annotations.Nullable;

/**
 * How a decision on a closure (approve, reject, cancel) ended. A decided request has its new
 * state; the decided shapes differ in what happened to the account. A refused decision changed
 * nothing and is audited.
 */
public sealed interface DecisionResult {

    /** The request as it is now; {@code null} only when it was refused as {@link Refusal#NO_SUCH_REQUEST}. */
    @Nullable ClosureRequestView request();

    /** The account moved as the decision says (or the decision did not move it). */
    record Decided(ClosureRequestView request) implements DecisionResult {
    }

    /**
     * The account was not in the status the decision expected (risk control froze it meanwhile,
     * or it was closed or reopened elsewhere), so its status was left as found; this is audited.
     */
    record AccountUnchanged(ClosureRequestView request, AccountStatus expected, AccountStatus found)
            implements DecisionResult {
    }

    /** The decision was not taken, for {@code reason}; nothing changed. */
    record Refused(@Nullable UUID requestId, Refusal reason, @Nullable ClosureRequestView request) implements DecisionResult {
    }

    /** Why a decision was refused. */
    enum Refusal {
        /** There is no closure request with this id. */
        NO_SUCH_REQUEST,
        /** Maker-checker: the supervisor who approves must not be the one who started the closure. */
        SELF_APPROVAL,
        /** The request no longer awaits approval: someone decided it first, or it failed or completed. */
        ALREADY_DECIDED,
        /** The request is past its cooling-off window, or finished, and can no longer be cancelled. */
        TOO_LATE_TO_CANCEL,
        /** A rejection needs a reason. */
        REASON_REQUIRED,
        /** The reason or comment is longer than {@value ClosureReason#MAX_TEXT} characters. */
        REASON_TOO_LONG
    }

    static DecisionResult of(ClosureRequest request, @Nullable StatusChange change) {
        return change == null || change.moved() ? new Decided(request.view())
                : new AccountUnchanged(request.view(), change.expected(), change.found());
    }
}
