package com.closureconsole.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One entry to append, as the trail's writer takes it: an {@link Audited} fact of another module,
 * or an action the audit module records itself.
 *
 * @param action        what was done
 * @param accountId     the wallet account it concerns, or {@code null}
 * @param outcome       how it ended
 * @param details       the figures needed to reconstruct the decision; personal data already masked
 * @param correlationId ties together the steps of one closure, or {@code null}
 */
record AuditEvent(AuditAction action, @Nullable String accountId, AuditOutcome outcome,
                  Map<String, Object> details, @Nullable UUID correlationId) implements Audited {

    AuditEvent {
        // Keeps the publisher's order (it is the order a supervisor reads) and allows null figures.
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    static AuditEvent of(AuditAction action, @Nullable String accountId, AuditOutcome outcome,
                         Map<String, Object> details) {
        return new AuditEvent(action, accountId, outcome, details, null);
    }

    static AuditEvent of(Audited fact) {
        return fact instanceof AuditEvent event ? event
                : new AuditEvent(fact.action(), fact.accountId(), fact.outcome(), fact.details(), fact.correlationId());
    }
}
