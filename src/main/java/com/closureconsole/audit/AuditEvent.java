package com.closureconsole.audit;

import java.util.Map;
import java.util.UUID;

/**
 * An action to record. Publish it with Spring's {@code ApplicationEventPublisher} inside the
 * transaction of the action itself: the entry is written in that transaction, so a rolled-back
 * action leaves no entry. The actor and client address are taken from the signed-in user.
 *
 * @param action        what was done
 * @param accountId     the wallet account it concerns, or {@code null}
 * @param outcome       how it ended
 * @param details       the figures needed to reconstruct the decision; personal data already masked
 * @param correlationId ties together the steps of one closure, or {@code null}
 */
public record AuditEvent(AuditAction action, String accountId, AuditOutcome outcome,
                         Map<String, Object> details, UUID correlationId) {

    public AuditEvent {
        // Keeps the publisher's order (it is the order a supervisor reads) and allows null figures.
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }

    public static AuditEvent of(AuditAction action, String accountId, AuditOutcome outcome, Map<String, Object> details) {
        return new AuditEvent(action, accountId, outcome, details, null);
    }
}
