package com.closureconsole.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The supervisors' dashboard for the days {@code from} to {@code to} (calendar days in the
 * console's time zone, both included), as one consistent reading of the daily figures.
 *
 * @param freshness       how far the figures have come in the audit trail
 * @param closures        per day that has any: closures submitted and how they ended
 * @param accountsChecked accounts checked, summed over the days (an account checked on two days counts twice)
 * @param conditions      each condition that blocked, most often first, as a share of {@code accountsChecked}
 * @param timeToClose     from the account's first check to its closure, over the whole period
 * @param timeToCloseByDay the same per day of closure
 * @param refusals        refused closure attempts by action and reason, most frequent first
 * @param notifications   customer notifications per channel
 * @param notificationFailures per day that has any: delivery attempts that failed
 */
public record Dashboard(LocalDate from, LocalDate to, Freshness freshness, List<ClosureDay> closures,
                        long accountsChecked, List<ConditionShare> conditions, Optional<TimeToClose> timeToClose,
                        List<DayTimeToClose> timeToCloseByDay, List<Refusals> refusals,
                        List<ChannelFigures> notifications, List<DayFailures> notificationFailures) {

    /** How a closure ended, or that it was submitted. */
    public enum ClosureOutcome { SUBMITTED, COMPLETED, FAILED, REJECTED, CANCELLED }

    /**
     * @param lastBlockNo  the last sealed audit block counted (0: none yet)
     * @param caughtUpAt   when the fold last found every sealed block counted ({@code null}: never yet)
     * @param blocksBehind sealed blocks not yet counted
     */
    public record Freshness(long lastBlockNo, @Nullable Instant caughtUpAt, long blocksBehind) {
    }

    public record ClosureDay(LocalDate day, Map<ClosureOutcome, Long> closures) {

        public long count(ClosureOutcome outcome) {
            return closures.getOrDefault(outcome, 0L);
        }
    }

    /** Accounts a condition blocked, and their share of the accounts checked (0 to 1). */
    public record ConditionShare(String code, long accounts, double share) {
    }

    /** The distribution of the time from first check to closure over {@code closures} closures. */
    public record TimeToClose(long closures, Duration median, Duration p90) {
    }

    public record DayTimeToClose(LocalDate day, TimeToClose time) {
    }

    /** @param action the refused action, e.g. {@code CLOSURE_SUBMIT}; @param reason the console's reason code */
    public record Refusals(String action, String reason, long count) {
    }

    /**
     * @param queued        notifications queued
     * @param delivered     delivery attempts that succeeded
     * @param failedAttempts delivery attempts that failed (some are tried again)
     * @param failedForGood failures after the last attempt: the customer was not told
     */
    public record ChannelFigures(String channel, long queued, long delivered, long failedAttempts, long failedForGood) {

        /** Failed attempts as a share of all attempts (0 to 1); 0 without attempts. */
        public double failureRate() {
            long attempts = delivered + failedAttempts;
            return attempts == 0 ? 0 : (double) failedAttempts / attempts;
        }
    }

    public record DayFailures(LocalDate day, long failedAttempts, long failedForGood) {
    }

    public long total(ClosureOutcome outcome) {
        return closures.stream().mapToLong(day -> day.count(outcome)).sum();
    }

    /** Nothing at all was recorded in the period. */
    public boolean empty() {
        return closures.isEmpty() && accountsChecked == 0 && refusals.isEmpty() && notifications.isEmpty();
    }
}
