package com.closureconsole.closure.conditions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One thing that blocks closure (a balance, an agreement, a contract, an operation …) with its
 * figures, in the order they are shown. Figure values are {@code Money}, {@code Instant},
 * numbers or text.
 *
 * @param kind what it is, e.g. {@code WALLET_BALANCE}, {@code PENDING_TRANSACTION}
 */
public record BlockingObject(String kind, Map<String, Object> figures) {

    public BlockingObject {
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    /** Builds the figures from name/value pairs, keeping their order. */
    public static BlockingObject of(String kind, @Nullable Object... namesAndValues) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            figures.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new BlockingObject(kind, figures);
    }
}
