/**
 * The supervisors' dashboard: closures per day by outcome, the conditions that block most often
 * (as a share of the accounts checked), the time from an account's first check to its closure
 * (median and 90th percentile, per day and per period), refused closure attempts by reason, and
 * customer notifications failing. {@link com.closureconsole.dashboard.DashboardFigures} answers
 * the view; the fold job keeps the daily figures it reads.
 *
 * <p><b>Why the figures come from sealed audit blocks.</b> Every fact the dashboard shows is
 * already recorded in the audit trail, with the figures behind it (which conditions blocked, why an
 * attempt was refused, which channel failed), and the trail is the record supervisors trust.
 * Counting at the moment of each action (a per-day counter row in every agent's transaction) would
 * make every action on the same day update the same row: the very lock the trail's lock-free
 * appends removed. Counting from {@code closure_request} and the notification tables would need
 * indexes and queries of their own for each figure and could not see refusals, which leave no row
 * there. Sealed blocks have what the job needs: a well-defined order (block numbers, one sealer,
 * each block committed before the next), contents that never change, and every committed entry in
 * exactly one block within about a second of its commit. So the fold reads the blocks after its
 * watermark, adds their entries to daily tables and moves the watermark in the same transaction,
 * one node at a time (a row lock taken with {@code SKIP LOCKED}, as the sealer's); the dashboard
 * is at most a few seconds behind the trail and says how fresh it is. The figures are a summary,
 * not evidence: they can be folded again from the trail at any time.
 *
 * <p><b>What is counted.</b> Days are calendar days in the console's time zone
 * ({@code closure.ui.time-zone}); a change of zone makes the fold count the whole trail again.
 * Closures: {@code CLOSURE_SUBMIT} that succeeded, and their ends ({@code CLOSURE_COMPLETE}
 * succeeded, {@code CLOSURE_FAIL}, {@code CLOSURE_REJECT} and {@code CLOSURE_CANCEL} that
 * succeeded). Conditions: an account checked on a day counts once for that day, and once for each
 * condition that blocked it in any check of that day; the share is blocked accounts over checked
 * accounts, summed over the period's days. Time to close: from the account's first
 * {@code ELIGIBILITY_CHECK} in the trail to its successful {@code CLOSURE_COMPLETE}, per closure, so
 * that the median and the 90th percentile ({@code percentile_disc}) of any period are exact.
 * Refusals: closure submissions and decisions whose outcome is a failure or a block, by the reason
 * the console recorded. Notifications: queued, delivery attempts that succeeded or failed, and
 * failures after the last attempt, per channel.
 *
 * <p><b>Owns</b> the folded daily figures ({@code dashboard_*} tables). <b>API:</b>
 * {@link com.closureconsole.dashboard.DashboardFigures} (supervisors only) and the
 * {@link com.closureconsole.dashboard.Dashboard} it answers. <b>Uses</b> no other module: it reads
 * the sealed blocks in SQL, by the audit's stored action names; <b>used by</b> {@code ui}.
 */
@NullMarked
package com.closureconsole.dashboard;

import org.jspecify.annotations.NullMarked;
