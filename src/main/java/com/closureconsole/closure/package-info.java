/**
 * Closure: the pre-checks and the ten closure conditions
 * ({@link com.closureconsole.closure.EligibilityService}), and the closure workflow, split by job:
 * the flow's steps before the submission ({@link com.closureconsole.closure.FlowSteps}), the
 * submission with its second check ({@link com.closureconsole.closure.ClosureSubmission}), the
 * decisions on a request ({@link com.closureconsole.closure.ClosureDecisions}), the completion job
 * ({@link com.closureconsole.closure.ClosureCompletionJob}) and the queries the views read
 * ({@link com.closureconsole.closure.ClosureQueries}). A request's state changes are its own
 * methods ({@code ClosureRequest}: await approval, approve, reject, cancel, cool off, complete,
 * fail), which allow only the moves of {@link com.closureconsole.closure.ClosureState}. Reads
 * wallet facts through the account module; never through the UI.
 *
 * <p><b>One lock order everywhere.</b> Every transaction that decides a closure (the submission,
 * approve, reject, cancel, and each completion or failure of the job) takes its locks in this
 * order and never the other way round, so none of them can deadlock another:
 * <ol>
 *   <li>the {@code account} row, {@code FOR UPDATE};</li>
 *   <li>the wallet row and the blocker rows the conditions read, {@code FOR SHARE}
 *       ({@link com.closureconsole.account.WalletFactsReader#readLocked}), so what the check read
 *       cannot change before the decision commits;</li>
 *   <li>the submission only: the flow's recorded steps ({@code closure_flow}, {@code FOR SHARE}),
 *       which a step recorded meanwhile (it takes only that row) waits for;</li>
 *   <li>the {@code closure_request} row ({@code FOR UPDATE}, or the insert of a new one), then the
 *       notification it queues.</li>
 * </ol>
 * Recording the audit entries takes no lock (see the {@code audit} package).
 * A decision therefore reads a request's account id without a lock, locks the account, and only
 * then locks the request. Writers of wallet data outside the console keep the same order (the
 * account row, then the wallet row, then blocker rows): a new blocker row already does, since its
 * foreign key takes a key-share lock on the account row, which waits for any decision holding it;
 * a writer that turns an existing row into a blocker (reopening a dispute, say) takes
 * {@code FOR KEY SHARE} on the account row first. The completion job waits at most five seconds
 * for a lock and retries a lock time-out, deadlock or serialisation failure at once; when the
 * database cannot be reached it ends its pass without counting an attempt against any request.
 *
 * <p><b>The flow's steps are the server's.</b> The identity verification and the customer's
 * acceptance of what is given up are recorded for the flow id ({@code closure_flow}), for one
 * account and one member of staff; a submission without both, with the wrong method, or with an
 * older text is refused. {@link com.closureconsole.closure.FlowSteps#progress} answers where a flow
 * stands, which is all a view shows of it. A submission refused because another closure of the
 * account won names that closure: who started it and when. Every refusal of a step, a submission or a decision is answered as a
 * result and audited in a transaction of its own once the work's transaction has ended. Free text
 * enters the trail masked ({@link com.closureconsole.shared.Masking#freeText}).
 *
 * <p>Every account status change names the status it expects (compare-and-set): completion moves
 * CLOSING to CLOSED only; rejection, cancellation and failure move CLOSING back to ACTIVE only. An
 * account found in another status (frozen by risk control, closed elsewhere) is left as it is; the
 * mismatch is audited and the decision's {@link com.closureconsole.closure.DecisionResult} says so.
 *
 * <p><b>Owns</b> the closure requests ({@code closure_request}) and the flows' recorded steps
 * ({@code closure_flow}). <b>API:</b> {@link com.closureconsole.closure.EligibilityService} and its
 * {@link com.closureconsole.closure.EligibilityReport}, the conditions' results
 * ({@code closure.conditions}, a named interface); the flow by job, each service checking the
 * caller's role: its steps ({@link com.closureconsole.closure.FlowSteps}), the submission
 * ({@link com.closureconsole.closure.ClosureSubmission}), the decisions
 * ({@link com.closureconsole.closure.ClosureDecisions}) and the queries
 * ({@link com.closureconsole.closure.ClosureQueries}), with their commands and results;
 * {@link com.closureconsole.closure.ClosureRequestView}, the event
 * {@link com.closureconsole.closure.ClosureFinished} and the settings
 * {@link com.closureconsole.closure.ClosurePolicy}. <b>Uses</b> {@code account}, {@code audit} and
 * {@code security}; <b>used by</b> {@code checklist}, {@code notification}, {@code operations} and
 * {@code ui}.
 */
@NullMarked
package com.closureconsole.closure;

import org.jspecify.annotations.NullMarked;
