package com.closureconsole.notification;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A customer notification and how its delivery went, recipient masked.
 *
 * @param status QUEUED, SENT or FAILED
 */
public record Delivery(UUID closureRequestId, Channel channel, String maskedRecipient, String status, int attempts,
                       @Nullable Instant sentAt, @Nullable String lastError) {
}
