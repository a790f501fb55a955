package com.closureconsole.closure.conditions;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A closure condition that holds, with everything the agent tells the customer: what blocks, and
 * whether and when it lifts by itself. The message and the remedy are translated from the code.
 *
 * @param liftsByItself {@code true} when the blocker goes away without the customer acting
 * @param liftsAt       when it lifts by itself, where that can be known; otherwise {@code null}
 */
public record Blocker(ConditionCode code, List<BlockingObject> objects, boolean liftsByItself, @Nullable Instant liftsAt) {

    public Blocker {
        objects = List.copyOf(objects);
        if (objects.isEmpty()) {
            throw new IllegalArgumentException("a blocker names at least one blocking object");
        }
    }

    /** A blocker the customer has to act on. */
    public static Blocker needsAction(ConditionCode code, List<BlockingObject> objects) {
        return new Blocker(code, objects, false, null);
    }
}
