package com.closureconsole.audit;

import java.time.Instant;

/**
 * A position in the trail, newest first: the time and id of the last entry already seen. The next
 * page starts right after it, by an index seek, however deep it lies.
 */
public record AuditCursor(Instant occurredAt, long id) {
}
