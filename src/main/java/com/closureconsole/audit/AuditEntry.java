package com.closureconsole.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One recorded action, as a supervisor reads it.
 *
 * @param action      the name of an {@link AuditAction} (kept as text: the trail may hold actions
 *                    this version does not know)
 * @param detailsText the details as stored: JSON, in the publisher's order, personal data masked
 * @param prevHash    the hash of the entry before it in the chain ({@code null} for the first)
 * @param hash        this entry's hash
 */
public record AuditEntry(long id, Instant occurredAt, String actor, @Nullable String actorRole,
                         @Nullable String clientAddress, String action, @Nullable String accountId,
                         AuditOutcome outcome, String detailsText, @Nullable UUID correlationId,
                         @Nullable String prevHash, @Nullable String hash) {

    /** The details in their stored order; nested objects are maps, arrays lists, decimals exact. */
    public Map<String, Object> details() {
        return AuditDetailsJson.read(detailsText);
    }

    /** The position right after this entry. */
    public AuditCursor cursor() {
        return new AuditCursor(occurredAt, id);
    }
}
