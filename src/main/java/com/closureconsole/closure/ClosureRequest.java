package com.closureconsole.closure;

import java.time.Instant;
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
import org.springframework.data.domain.Persistable;

/** A request to close one account; its state only moves as {@link ClosureState} allows. */
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
    private String reasonText;

    @Enumerated(EnumType.STRING)
    @Column(name = "taobao_outcome")
    private TaobaoOutcome taobaoOutcome;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decision_reason")
    private String decisionReason;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "failure_reason")
    private String failureReason;

    @Version
    private long version;

    /** The id is assigned by the flow, so JPA cannot tell a new request by it: persist, never merge. */
    @Transient
    private boolean isNew = true;

    protected ClosureRequest() {
    }

    ClosureRequest(UUID id, String accountId, String idempotencyKey, String initiatedBy,
                   VerificationMethod verificationMethod, String confirmationVersion, ClosureReason reasonCode,
                   String reasonText, TaobaoOutcome taobaoOutcome, Instant submittedAt) {
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

    /** Moves to {@code target}; refuses a move the state machine does not allow. */
    void moveTo(ClosureState target, Instant now) {
        if (!state.canMoveTo(target)) {
            throw new IllegalStateException("a closure request cannot move from " + state + " to " + target);
        }
        state = target;
        if (target.finished()) {
            finishedAt = now;
        }
    }

    void coolOffUntil(Instant due, Instant now) {
        moveTo(ClosureState.COOLING_OFF, now);
        dueAt = due;
    }

    void decide(String supervisor, String reason) {
        decidedBy = supervisor;
        decisionReason = reason;
    }

    void fail(String reason, Instant now) {
        moveTo(ClosureState.FAILED, now);
        failureReason = reason;
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

    Instant dueAt() {
        return dueAt;
    }
}
