package com.closureconsole.closure;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.closureconsole.account.AccountFacts;
import com.closureconsole.account.AccountLifecycle;
import com.closureconsole.account.AccountStatus;
import com.closureconsole.account.WalletFactsReader;
import com.closureconsole.audit.AuditAction;
import com.closureconsole.audit.AuditEvent;
import com.closureconsole.audit.AuditOutcome;
import com.closureconsole.security.CurrentStaff;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The closure flow of DOMAIN.md section 3. Nothing is written before {@link #submit}, except the
 * audit of the steps; {@link #submit} is one transaction that locks the account and what the
 * check reads, checks everything again, and persists the request, the account's new status and
 * the customer notification together, or nothing at all. Decisions answer a {@link DecisionResult}
 * that says whether the account moved as expected. Every method takes its locks in the order
 * the package documents.
 */
@Service
public class ClosureWorkflow {

    /** The version of the "what the customer gives up" text the flow shows. */
    public static final String CONFIRMATION_VERSION = "2026-11-v1";
    static final int MAX_REASON_TEXT = 500;
    private static final EnumSet<ClosureState> ACTIVE =
            EnumSet.of(ClosureState.SUBMITTED, ClosureState.AWAITING_APPROVAL, ClosureState.COOLING_OFF);

    private final ClosureRequestRepository requests;
    private final EligibilityService eligibility;
    private final WalletFactsReader facts;
    private final AccountLifecycle accounts;
    private final ClosureOutcomes outcomes;
    private final ClosurePolicy policy;
    private final CurrentStaff currentStaff;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClosureWorkflow(ClosureRequestRepository requests, EligibilityService eligibility, WalletFactsReader facts,
                    AccountLifecycle accounts, ClosureOutcomes outcomes, ClosurePolicy policy, CurrentStaff currentStaff,
                    ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.eligibility = eligibility;
        this.facts = facts;
        this.accounts = accounts;
        this.outcomes = outcomes;
        this.policy = policy;
        this.currentStaff = currentStaff;
        this.events = events;
        this.clock = clock;
    }

    /** Step 3 of the flow, with what steps 2 and 4 need to know; audited as a condition check. */
    @Transactional
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
    public ClosurePreview preview(String accountId, UUID flowId) {
        Optional<AccountFacts> account = facts.read(accountId);
        EligibilityReport report = eligibility.check(accountId, account, flowId);
        return new ClosurePreview(accountId,
                account.map(AccountFacts::identityType).orElse(null),
                account.map(a -> VerificationMethod.requiredFor(a.identityType())).orElse(null),
                account.map(AccountFacts::hasEmail).orElse(false),
                account.map(AccountFacts::taobaoId).orElse(null),
                account.map(a -> TaobaoOutcome.of(a.taobaoId(), a.taobaoClosable())).orElse(TaobaoOutcome.NONE),
                CONFIRMATION_VERSION, report);
    }

    /** Step 2: records which verification method the agent used and whether it passed. */
    @Transactional
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
    public boolean recordVerification(String accountId, UUID flowId, VerificationMethod method, boolean passed) {
        AccountFacts account = facts.read(accountId).orElseThrow(() -> new IllegalArgumentException("no account " + accountId));
        VerificationMethod required = VerificationMethod.requiredFor(account.identityType());
        if (method != required) {
            throw new IllegalArgumentException("account " + accountId + " must be verified with " + required);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", method.name());
        details.put("identityType", account.identityType().name());
        details.put("passed", passed);
        events.publishEvent(new AuditEvent(AuditAction.IDENTITY_VERIFICATION, accountId,
                passed ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, details, flowId));
        return passed;
    }

    /**
     * Step 5: the second check and the submission, in one transaction that locks the account row,
     * then what the check reads ({@link WalletFactsReader#readLocked}), so a concurrent credit or
     * new agreement either waits for the submission or is seen by it.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
    public SubmissionResult submit(SubmitClosure command) {
        validate(command);
        Optional<ClosureRequest> earlier = requests.findByIdempotencyKey(command.idempotencyKey());
        if (earlier.isPresent()) {
            return new SubmissionResult.Submitted(earlier.get().view(), true);
        }
        Instant now = clock.instant();
        if (accounts.lock(command.accountId()).isEmpty()) {
            return refuse(command, eligibility.recheck(command.accountId(), Optional.empty(), false));
        }
        // A retry that waited on the lock behind its own first attempt finds that attempt now.
        earlier = requests.findByIdempotencyKey(command.idempotencyKey());
        if (earlier.isPresent()) {
            return new SubmissionResult.Submitted(earlier.get().view(), true);
        }
        // Read once, locked: the second check and the request both use these facts.
        Optional<AccountFacts> read = facts.readLocked(command.accountId());
        EligibilityReport report = eligibility.recheck(command.accountId(), read, false);
        if (!report.closable() || requests.existsByAccountIdAndStateIn(command.accountId(), ACTIVE)) {
            return refuse(command, report);
        }
        AccountFacts account = read.orElseThrow();
        VerificationMethod required = VerificationMethod.requiredFor(account.identityType());
        if (command.verificationMethod() != required) {
            throw new IllegalArgumentException("account must be verified with " + required);
        }
        ClosureRequest request = new ClosureRequest(command.requestId(), command.accountId(), command.idempotencyKey(),
                currentStaff.require().username(), command.verificationMethod(), command.confirmationVersion(),
                command.reason(), blankToNull(command.reasonText()),
                TaobaoOutcome.of(account.taobaoId(), account.taobaoClosable()), now);
        requests.saveAndFlush(request);
        outcomes.audit(AuditAction.CLOSURE_SUBMIT, request, AuditOutcome.SUCCESS, Map.of(
                "reasonCode", command.reason().name(),
                "verificationMethod", command.verificationMethod().name(),
                "confirmationVersion", command.confirmationVersion(),
                "taobaoOutcome", request.taobaoOutcome().name(),
                "approvalRequired", policy.isApprovalRequired(),
                "coolingOff", policy.getCoolingOff().toString()));
        // The check has just read ACTIVE under the lock, so this move cannot miss.
        if (!accounts.move(request.accountId(), AccountStatus.ACTIVE, AccountStatus.CLOSING, now).moved()) {
            throw new IllegalStateException("account " + request.accountId() + " changed status under its lock");
        }
        if (policy.isApprovalRequired()) {
            request.moveTo(ClosureState.AWAITING_APPROVAL, now);
        } else {
            afterApproval(request, now);
        }
        return new SubmissionResult.Submitted(request.view(), false);
    }

    /** A supervisor other than the initiator approves; the checks run again. */
    @Transactional
    @PreAuthorize("hasRole('SUPERVISOR')")
    public DecisionResult approve(UUID requestId, String comment) {
        ClosureRequest request = lockRequest(requestId);
        String supervisor = currentStaff.require().username();
        if (supervisor.equals(request.initiatedBy())) {
            outcomes.audit(AuditAction.CLOSURE_APPROVE, request, AuditOutcome.DENIED, Map.of("refused", "SELF_APPROVAL"));
            throw new SelfApprovalException();
        }
        requireState(request, ClosureState.AWAITING_APPROVAL);
        Instant now = clock.instant();
        request.decide(supervisor, blankToNull(comment));
        EligibilityReport report = eligibility.recheck(request.accountId(), true);
        if (!report.closable()) {
            return DecisionResult.of(request, outcomes.fail(request, failureReason(report), AuditOutcome.BLOCKED,
                    EligibilityService.auditDetails(report), now));
        }
        outcomes.audit(AuditAction.CLOSURE_APPROVE, request, AuditOutcome.SUCCESS,
                comment == null ? Map.of() : Map.of("comment", comment.strip()));
        return DecisionResult.of(request, afterApproval(request, now));
    }

    /** A supervisor rejects, with a reason the customer and the audit keep. */
    @Transactional
    @PreAuthorize("hasRole('SUPERVISOR')")
    public DecisionResult reject(UUID requestId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        ClosureRequest request = lockRequest(requestId);
        requireState(request, ClosureState.AWAITING_APPROVAL);
        Instant now = clock.instant();
        request.decide(currentStaff.require().username(), reason.strip());
        request.moveTo(ClosureState.REJECTED, now);
        AccountLifecycle.StatusChange change = outcomes.reopen(request, now);
        outcomes.audit(AuditAction.CLOSURE_REJECT, request, AuditOutcome.SUCCESS, Map.of("reason", reason.strip()));
        outcomes.finished(request);
        return DecisionResult.of(request, change);
    }

    /** An agent cancels while the request awaits approval or is within its cooling-off window. */
    @Transactional
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
    public DecisionResult cancel(UUID requestId, String reason) {
        ClosureRequest request = lockRequest(requestId);
        Instant now = clock.instant();
        if (!request.view().cancellableAt(now)) {
            throw new IllegalStateException("request " + requestId + " can no longer be cancelled (" + request.state() + ")");
        }
        request.decide(currentStaff.require().username(), blankToNull(reason));
        request.moveTo(ClosureState.CANCELLED, now);
        AccountLifecycle.StatusChange change = outcomes.reopen(request, now);
        outcomes.audit(AuditAction.CLOSURE_CANCEL, request, AuditOutcome.SUCCESS,
                reason == null || reason.isBlank() ? Map.of() : Map.of("reason", reason.strip()));
        outcomes.finished(request);
        return DecisionResult.of(request, change);
    }

    /** The account row first, then the request's: the package's lock order. */
    private ClosureRequest lockRequest(UUID requestId) {
        String accountId = requests.accountIdOf(requestId).orElseThrow(() -> new NoSuchRequestException(requestId));
        accounts.lock(accountId);
        return requests.lockById(requestId).orElseThrow(() -> new NoSuchRequestException(requestId));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
    public List<ClosureRequestView> forAccount(String accountId) {
        return requests.findByAccountIdOrderBySubmittedAtDesc(accountId, Limit.of(20)).stream().map(ClosureRequest::view).toList();
    }

    /** The newest requests, optionally only those in the given states. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
    public List<ClosureRequestView> recent(EnumSet<ClosureState> states, int limit) {
        List<ClosureRequest> found = states.isEmpty()
                ? requests.findAllByOrderBySubmittedAtDesc(Limit.of(limit))
                : requests.findByStateInOrderBySubmittedAtDesc(states, Limit.of(limit));
        return found.stream().map(ClosureRequest::view).toList();
    }

    /** After the submission or the approval: complete now, or cool off while the account stays CLOSING. */
    private AccountLifecycle.StatusChange afterApproval(ClosureRequest request, Instant now) {
        if (policy.getCoolingOff().isZero()) {
            return outcomes.complete(request, now);
        }
        return outcomes.coolOff(request, now.plus(policy.getCoolingOff()), now);
    }

    static String failureReason(EligibilityReport report) {
        return report.failedPreCheck() != null ? report.failedPreCheck().name()
                : String.join(",", report.blockingCodes().stream().map(Enum::name).toList());
    }

    private SubmissionResult refuse(SubmitClosure command, EligibilityReport report) {
        Map<String, Object> details = new LinkedHashMap<>(EligibilityService.auditDetails(report));
        details.put("reasonCode", command.reason().name());
        events.publishEvent(new AuditEvent(AuditAction.CLOSURE_SUBMIT,
                report.failedPreCheck() == PreCheck.ACCOUNT_EXISTS ? null : command.accountId(),
                AuditOutcome.BLOCKED, details, command.requestId()));
        return new SubmissionResult.Refused(report);
    }

    private static void requireState(ClosureRequest request, ClosureState expected) {
        if (request.state() != expected) {
            throw new IllegalStateException("request " + request.id() + " is " + request.state() + ", not " + expected);
        }
    }

    private static void validate(SubmitClosure command) {
        if (command.requestId() == null || command.idempotencyKey() == null || command.idempotencyKey().isBlank()
                || command.accountId() == null || command.reason() == null || command.verificationMethod() == null) {
            throw new IllegalArgumentException("incomplete closure submission");
        }
        if (!command.verificationPassed()) {
            throw new IllegalArgumentException("the customer's identity was not verified");
        }
        if (!CONFIRMATION_VERSION.equals(command.confirmationVersion())) {
            throw new IllegalArgumentException("the confirmation text shown is out of date");
        }
        if (command.reasonText() != null && command.reasonText().length() > MAX_REASON_TEXT) {
            throw new IllegalArgumentException("reason text longer than " + MAX_REASON_TEXT);
        }
        if (command.reason() == ClosureReason.OTHER && blankToNull(command.reasonText()) == null) {
            throw new IllegalArgumentException("reason OTHER needs a text");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** There is no closure request with this id. */
    public static class NoSuchRequestException extends RuntimeException {
        NoSuchRequestException(UUID id) {
            super("no closure request " + id);
        }
    }

    /** Maker-checker: the supervisor who approves must not be the one who started the closure. */
    public static class SelfApprovalException extends RuntimeException {
        SelfApprovalException() {
            super("the initiator of a closure cannot approve it");
        }
    }
}
