package com.closureconsole.closure;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.closureconsole.account.AccountFacts;
import com.closureconsole.account.AccountStatus;
import com.closureconsole.account.Money;
import com.closureconsole.account.WalletFactsReader;
import com.closureconsole.closure.conditions.Blocker;
import com.closureconsole.closure.conditions.BlockingObject;
import com.closureconsole.closure.conditions.ClosureCondition;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates the pre-checks and every one of the ten closure conditions for an account, reporting
 * all blockers at once. Reading an account's facts takes a fixed number of statements.
 */
@Service
public class EligibilityService {

    private final WalletFactsReader facts;
    private final List<ClosureCondition> conditions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    EligibilityService(WalletFactsReader facts, List<ClosureCondition> conditions, Clock clock,
                       ApplicationEventPublisher events) {
        this.facts = facts;
        this.conditions = conditions.stream().sorted(Comparator.comparing(ClosureCondition::code)).toList();
        this.clock = clock;
        this.events = events;
        if (this.conditions.size() != com.closureconsole.closure.conditions.ConditionCode.values().length) {
            throw new IllegalStateException("expected one condition per code, found " + this.conditions.size());
        }
    }

    /** Checks the account now and records the check, its result and its figures in the audit. */
    @Transactional
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
    public EligibilityReport check(String accountId) {
        return check(accountId, null);
    }

    /** As {@link #check(String)}, as one step of the closure flow {@code correlationId}. */
    @Transactional
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
    public EligibilityReport check(String accountId, java.util.@Nullable UUID correlationId) {
        return check(accountId, facts.read(accountId), correlationId);
    }

    /** The audited check on facts the caller has already read (the closure flow reads them once). */
    EligibilityReport check(String accountId, Optional<AccountFacts> read, java.util.@Nullable UUID correlationId) {
        EligibilityReport report = evaluate(accountId, read, clock.instant(), false);
        events.publishEvent(new EligibilityChecked(report, correlationId));
        return report;
    }

    /**
     * The check again, inside a closure decision that holds the account row: on facts locked
     * until the decision commits; with {@code ownClosureInFlight}, the account being CLOSING
     * because of this very request passes.
     */
    EligibilityReport recheck(String accountId, boolean ownClosureInFlight) {
        return recheck(accountId, facts.readLocked(accountId), ownClosureInFlight);
    }

    /** As {@link #recheck(String, boolean)}, on facts the caller has already read under the lock. */
    EligibilityReport recheck(String accountId, Optional<AccountFacts> read, boolean ownClosureInFlight) {
        return evaluate(accountId, read, clock.instant(), ownClosureInFlight);
    }

    /** The number of blocking conditions of each listed account (for result lists; not audited). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
    public Map<String, Integer> blockerCounts(Collection<String> accountIds) {
        Instant now = clock.instant();
        Map<String, Integer> counts = new LinkedHashMap<>();
        facts.readAll(accountIds).forEach((id, f) -> counts.put(id, evaluate(id, Optional.of(f), now, false).blockers().size()));
        return counts;
    }

    /** The pure evaluation: pre-checks first, then each condition. */
    EligibilityReport evaluate(String accountId, Optional<AccountFacts> maybeFacts, Instant now, boolean ownClosureInFlight) {
        if (maybeFacts.isEmpty()) {
            return new EligibilityReport(accountId, now, PreCheck.ACCOUNT_EXISTS, List.of());
        }
        AccountFacts account = maybeFacts.get();
        PreCheck failed = failedPreCheck(account, ownClosureInFlight);
        if (failed != null) {
            return new EligibilityReport(accountId, now, failed, List.of());
        }
        List<EligibilityReport.ConditionResult> results = new ArrayList<>();
        for (ClosureCondition condition : conditions) {
            results.add(new EligibilityReport.ConditionResult(condition.code(),
                    condition.evaluate(account, now).orElse(null)));
        }
        return new EligibilityReport(accountId, now, null, results);
    }

    static @Nullable PreCheck failedPreCheck(AccountFacts account, boolean ownClosureInFlight) {
        if (account.status() == AccountStatus.CLOSED) {
            return PreCheck.NOT_CLOSED;
        }
        if (account.status() == AccountStatus.CLOSING && !ownClosureInFlight) {
            return PreCheck.NOT_CLOSING;
        }
        if (account.status() == AccountStatus.NOT_ACTIVATED || account.activatedAt() == null) {
            return PreCheck.ACTIVATED;
        }
        if (account.status() == AccountStatus.FROZEN) {
            return PreCheck.NOT_FROZEN;
        }
        return null;
    }

    /** The details an auditor needs to reconstruct the decision: which conditions blocked, with figures. */
    static Map<String, Object> auditDetails(EligibilityReport report) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("closable", report.closable());
        details.put("failedPreCheck", report.failedPreCheck() == null ? null : report.failedPreCheck().name());
        List<Map<String, Object>> blockers = new ArrayList<>();
        for (Blocker blocker : report.blockers()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("code", blocker.code().name());
            List<Map<String, Object>> objects = new ArrayList<>();
            for (BlockingObject object : blocker.objects()) {
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("kind", object.kind());
                object.figures().forEach((name, value) -> figures.put(name, plain(value)));
                objects.add(figures);
            }
            entry.put("objects", objects);
            entry.put("liftsAt", blocker.liftsAt() == null ? null : blocker.liftsAt().toString());
            blockers.add(entry);
        }
        details.put("blockers", blockers);
        return details;
    }

    private static Object plain(Object value) {
        if (value instanceof Money money) {
            return money.amount().toPlainString() + " " + money.currency().getCurrencyCode();
        }
        if (value instanceof TemporalAccessor || value instanceof BigDecimal) {
            return value.toString();
        }
        return value;
    }
}
