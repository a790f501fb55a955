package com.closureconsole.closure;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.closureconsole.account.AccountLifecycle;
import com.closureconsole.audit.AuditOutcome;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the completion job does to one request, in a transaction of its own: complete it when due.
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
        if (locked.isEmpty() || locked.get().dueAt().isAfter(now)) {
            return Optional.empty();
        }
        ClosureRequest request = locked.get();
        EligibilityReport report = eligibility.recheck(request.accountId(), true);
        if (report.closable()) {
            outcomes.complete(request, now);
        } else {
            outcomes.fail(request, ClosureWorkflow.failureReason(report), AuditOutcome.BLOCKED,
                    EligibilityService.auditDetails(report), now);
        }
        return Optional.of(request.view());
    }

    /** The account row, then the request's (the package's lock order); empty unless it is cooling off. */
    private Optional<ClosureRequest> lockCoolingOff(UUID requestId) {
        Optional<String> accountId = requests.accountIdOf(requestId);
        if (accountId.isEmpty()) {
            return Optional.empty();
        }
        accounts.lock(accountId.get());
        return requests.lockById(requestId).filter(request -> request.state() == ClosureState.COOLING_OFF);
    }
}
