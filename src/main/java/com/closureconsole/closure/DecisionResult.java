package com.closureconsole.closure;

import com.closureconsole.account.AccountLifecycle.StatusChange;
import com.closureconsole.account.AccountStatus;

/**
 * How a decision on a closure (approve, reject, cancel) ended. The request has its new state in
 * both shapes; they differ in what happened to the account.
 */
public sealed interface DecisionResult {

    ClosureRequestView request();

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

    static DecisionResult of(ClosureRequest request, StatusChange change) {
        return change == null || change.moved() ? new Decided(request.view())
                : new AccountUnchanged(request.view(), change.expected(), change.found());
    }
}
