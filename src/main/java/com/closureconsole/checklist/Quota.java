package com.closureconsole.checklist;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How many checklists an account was sent in the last 24 hours, against the limit.
 *
 * @param nextAllowedAt when the limit is reached: the moment the next checklist may be sent;
 *                      otherwise {@code null}
 */
public record Quota(int limit, int sentInWindow, @Nullable Instant nextAllowedAt) {

    public boolean reached() {
        return sentInWindow >= limit;
    }

    public int remaining() {
        return Math.max(0, limit - sentInWindow);
    }
}
