package com.closureconsole.closure;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The states of a closure request and, in one place, the moves allowed between them.
 *
 * <pre>
 * SUBMITTED ─┬─> COMPLETED                      (immediate review, the public flow)
 *            ├─> AWAITING_APPROVAL ─┬─> COMPLETED | COOLING_OFF | FAILED (approval re-check)
 *            │                      ├─> REJECTED
 *            │                      └─> CANCELLED
 *            └─> COOLING_OFF ───────┬─> COMPLETED | FAILED   (the job, when due; FAILED also
 *                                   │                        after its last failed attempt)
 *                                   └─> CANCELLED
 * </pre>
 */
public enum ClosureState {
    SUBMITTED,
    AWAITING_APPROVAL,
    COOLING_OFF,
    COMPLETED,
    REJECTED,
    CANCELLED,
    FAILED;

    private static final Map<ClosureState, Set<ClosureState>> MOVES = Map.of(
            SUBMITTED, EnumSet.of(AWAITING_APPROVAL, COOLING_OFF, COMPLETED),
            AWAITING_APPROVAL, EnumSet.of(COOLING_OFF, COMPLETED, REJECTED, CANCELLED, FAILED),
            COOLING_OFF, EnumSet.of(COMPLETED, CANCELLED, FAILED),
            COMPLETED, EnumSet.noneOf(ClosureState.class),
            REJECTED, EnumSet.noneOf(ClosureState.class),
            CANCELLED, EnumSet.noneOf(ClosureState.class),
            FAILED, EnumSet.noneOf(ClosureState.class));

    public boolean canMoveTo(ClosureState target) {
        return moves().contains(target);
    }

    public boolean finished() {
        return moves().isEmpty();
    }

    private Set<ClosureState> moves() {
        return Objects.requireNonNull(MOVES.get(this), "MOVES names every state");
    }
}
