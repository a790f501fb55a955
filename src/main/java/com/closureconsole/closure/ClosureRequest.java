package com.closureconsole.closure;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;

/**
 * A request to close one account. Its state changes are its own methods (await approval,
 * approve, reject, cancel, cool off, complete, fail), each refusing a move {@link ClosureState}
 * does not allow; the decisions answer why they are refused before anything changes.
 */
@Entity
@Table(name = "closure_request")
class ClosureRequest implements Persistable<UUID> {

    @Id
    private UUID id;

    @Column(name = "account_id")
    private String accountId;

    @Enumerated(EnumType.STRING)
    private ClosureState state;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(name = "initiated_by")
    private String initiatedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "verification_method")
    private VerificationMethod verificationMethod;

    @Column(name = "confirmation_version")
    private String confirmationVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code")
    private ClosureReason reasonCode;

    @Column(name = "reason_text")
    private @Nullable String reasonText;

    @Enumerated(EnumType.STRING)
    @Column(name = "taobao_outcome")
    private TaobaoOutcome taobaoOutcome;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "due_at")
    private @Nullable Instant dueAt;

    @Column(name = "decided_by")
    private @Nullable String decidedBy;

    @Column(name = "decision_reason")
    private @Nullable String decisionReason;

    @Column(name = "finished_at")
    private @Nullable Instant finishedAt;

    @Column(name = "failure_reason")
    private @Nullable String failureReason;

    @Version
    private long version;

    /** The id is assigned by the flow, so JPA cannot tell a new request by it: persist, never merge. */
    @Transient
    private boolean isNew = true;

    protected ClosureRequest() {
    }

    ClosureRequest(UUID id, String accountId, String idempotencyKey, String initiatedBy,
                   VerificationMethod verificationMethod, String confirmationVersion, ClosureReason reasonCode,
                   @Nullable String reasonText, TaobaoOutcome taobaoOutcome, Instant submittedAt) {
        this.id = id;
        this.accountId = accountId;
        this.state = ClosureState.SUBMITTED;
        this.idempotencyKey = idempotencyKey;
        this.initiatedBy = initiatedBy;
        this.verificationMethod = verificationMethod;
        this.confirmationVersion = confirmationVersion;
        this.reasonCode = reasonCode;
        this.reasonText = reasonText;
        this.taobaoOutcome = taobaoOutcome;
        this.submittedAt = submittedAt;
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void markPersisted() {
        isNew = false;
    }

    /** The decision is a supervisor's: awaits one before it may go on. */
    void awaitApproval(Instant now) {
        moveTo(ClosureState.AWAITING_APPROVAL, now);
    }

    /** Why {@code supervisor} may not approve it now, if anything: maker-checker, then the state. */
    Optional<DecisionResult.Refusal> refusalToApprove(String supervisor) {
        if (supervisor.equals(initiatedBy)) {
            return Optional.of(DecisionResult.Refusal.SELF_APPROVAL);
        }
        return state == ClosureState.AWAITING_APPROVAL ? Optional.empty()
                : Optional.of(DecisionResult.Refusal.ALREADY_DECIDED);
    }

    /**
     * A supervisor other than the initiator approves; where the request goes next (completion,
     * cooling-off, or failure at the re-check) is decided by the approval's re-check.
     */
    void approve(String supervisor, @Nullable String comment) {
        refusalToApprove(supervisor).ifPresent(refusal -> {
            throw new IllegalStateException("closure request " + id + " cannot be approved: " + refusal);
        });
        decide(supervisor, comment);
    }

    /** Why it may not be rejected now, if anything. */
    Optional<DecisionResult.Refusal> refusalToReject() {
        return state == ClosureState.AWAITING_APPROVAL ? Optional.empty()
                : Optional.of(DecisionResult.Refusal.ALREADY_DECIDED);
    }

    void reject(String supervisor, String reason, Instant now) {
        refusalToReject().ifPresent(refusal -> {
            throw new IllegalStateException("closure request " + id + " cannot be rejected: " + refusal);
        });
        moveTo(ClosureState.REJECTED, now);
        decide(supervisor, reason);
    }

    /** Why it may not be cancelled at {@code now}, if anything: only awaiting approval or within cooling-off. */
    Optional<DecisionResult.Refusal> refusalToCancel(Instant now) {
        return view().cancellableAt(now) ? Optional.empty() : Optional.of(DecisionResult.Refusal.TOO_LATE_TO_CANCEL);
    }

    void cancel(String staff, @Nullable String reason, Instant now) {
        refusalToCancel(now).ifPresent(refusal -> {
            throw new IllegalStateException("closure request " + id + " cannot be cancelled: " + refusal);
        });
        moveTo(ClosureState.CANCELLED, now);
        decide(staff, reason);
    }

    /** The account is closed: the request is done. */
    void complete(Instant now) {
        moveTo(ClosureState.COMPLETED, now);
    }

    /** Waits until {@code due} (the cooling-off window), cancellable until then. */
    void coolOffUntil(Instant due, Instant now) {
        moveTo(ClosureState.COOLING_OFF, now);
        dueAt = due;
    }

    void fail(String reason, Instant now) {
        moveTo(ClosureState.FAILED, now);
        failureReason = reason;
    }

    /** Every state change goes through here: refuses a move the state machine does not allow. */
    private void moveTo(ClosureState target, Instant now) {
        if (!state.canMoveTo(target)) {
            throw new IllegalStateException("a closure request cannot move from " + state + " to " + target);
        }
        state = target;
        if (target.finished()) {
            finishedAt = now;
        }
    }

    private void decide(String staff, @Nullable String reason) {
        decidedBy = staff;
        decisionReason = reason;
    }

    ClosureRequestView view() {
        return new ClosureRequestView(id, accountId, state, initiatedBy, verificationMethod, confirmationVersion,
                reasonCode, reasonText, taobaoOutcome, submittedAt, dueAt, decidedBy, decisionReason, finishedAt,
                failureReason);
    }

    UUID id() {
        return id;
    }

    String accountId() {
        return accountId;
    }

    ClosureState state() {
        return state;
    }

    String initiatedBy() {
        return initiatedBy;
    }

    TaobaoOutcome taobaoOutcome() {
        return taobaoOutcome;
    }

    @Nullable Instant dueAt() {
        return dueAt;
    }
}
