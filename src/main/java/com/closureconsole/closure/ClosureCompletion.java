package com.closureconsole.closure;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.closureconsole.account.AccountLifecycle;
import com.closureconsole.audit.AuditOutcome;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the completion job does to one request, each call a transaction of its own: complete it
 * when due, record a failed attempt with its backoff, or give up and fail it.
 */
@Component
class ClosureCompletion {

    private final ClosureRequestRepository requests;
    private final AccountLifecycle accounts;
    private final EligibilityService eligibility;
    private final ClosureOutcomes outcomes;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ClosureCompletion(ClosureRequestRepository requests, AccountLifecycle accounts, EligibilityService eligibility,
                      ClosureOutcomes outcomes, ApplicationEventPublisher events, JdbcTemplate jdbc, Clock clock) {
        this.requests = requests;
        this.accounts = accounts;
        this.eligibility = eligibility;
        this.outcomes = outcomes;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Completes the request if its cooling-off has ended, re-checking first; empty when it is not due. */
    @Transactional
    public Optional<ClosureRequestView> completeIfDue(UUID requestId) {
        Optional<ClosureRequest> locked = lockCoolingOff(requestId);
        Instant now = clock.instant();
        if (locked.isEmpty()
                || Objects.requireNonNull(locked.get().dueAt(), ClosureRequestView.COOLING_OFF_HAS_DUE_TIME).isAfter(now)) {
            return Optional.empty();
        }
        ClosureRequest request = locked.get();
        EligibilityReport report = eligibility.recheck(request.accountId(), true);
        if (report.closable()) {
            outcomes.complete(request, now);
        } else {
            outcomes.fail(request, report.failureCode(), AuditOutcome.BLOCKED,
                    EligibilityService.auditDetails(report), now);
        }
        return Optional.of(request.view());
    }

    /**
     * Counts a failed attempt and sets the next one {@code firstRetry} later, doubled with each
     * attempt; answers the attempts so far.
     */
    @Transactional
    public int recordFailedAttempt(UUID requestId, String error, int maxAttempts, Duration firstRetry) {
        record Counted(int attempts, String accountId) {
        }
        Instant now = clock.instant();
        Counted counted = jdbc.query("""
                UPDATE closure_request
                   SET completion_attempts = completion_attempts + 1, last_error = ?,
                       next_attempt_at = CAST(? AS timestamptz)
                           + make_interval(secs => ? * power(2, least(completion_attempts, 16)))
                 WHERE id = ? AND state = 'COOLING_OFF'
                RETURNING completion_attempts, account_id""",
                rs -> rs.next() ? new Counted(rs.getInt(1), rs.getString(2)) : null,
                error, Timestamp.from(now), firstRetry.toMillis() / 1000.0, requestId);
        if (counted == null) {
            return 0;
        }
        events.publishEvent(new ClosureCompletionAttemptFailed(requestId, counted.accountId(), counted.attempts(), error,
                counted.attempts() < maxAttempts));
        return counted.attempts();
    }

    /** After the last attempt: the request FAILED with its reason; the account ACTIVE again only if still CLOSING. */
    @Transactional
    public Optional<ClosureRequestView> giveUp(UUID requestId, String error) {
        Optional<ClosureRequest> locked = lockCoolingOff(requestId);
        locked.ifPresent(request -> outcomes.fail(request, "COMPLETION_ERROR", AuditOutcome.FAILURE,
                Map.of("error", error), clock.instant()));
        return locked.map(ClosureRequest::view);
    }

    /** The account row, then the request's (the package's lock order); empty unless it is cooling off. */
    private Optional<ClosureRequest> lockCoolingOff(UUID requestId) {
        // A job never waits long behind a stuck lock holder: the time-out is retried like a deadlock.
        jdbc.execute("SET LOCAL lock_timeout = '5s'");
        Optional<String> accountId = requests.accountIdOf(requestId);
        if (accountId.isEmpty()) {
            return Optional.empty();
        }
        accounts.lock(accountId.get());
        return requests.lockById(requestId).filter(request -> request.state() == ClosureState.COOLING_OFF);
    }
}
