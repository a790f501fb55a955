package com.closureconsole.audit;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A fact the audit trail records. Modules publish their own past-tense events
 * ({@code ClosureSubmitted}, {@code PersonalDataRevealed} …) with Spring's
 * {@code ApplicationEventPublisher}; an event that implements this interface becomes one audit
 * entry, written synchronously in the publisher's transaction: a rolled-back action leaves no
 * entry, and an entry that cannot be written fails the action. The actor and client address are
 * taken from the signed-in user. A fact with outcome {@code DENIED}, and every
 * {@link AttemptRefused}, is recorded in a transaction of its own instead.
 */
public interface Audited {

    /** What was done; the publisher's own name for it. */
    AuditAction action();

    /** The wallet account it concerns, or {@code null}. */
    @Nullable String accountId();

    /** How it ended. */
    AuditOutcome outcome();

    /** The figures needed to reconstruct the decision, in the order a supervisor reads them; personal data masked. */
    Map<String, Object> details();

    /** Ties together the steps of one closure, or {@code null}. */
    default @Nullable UUID correlationId() {
        return null;
    }
}
