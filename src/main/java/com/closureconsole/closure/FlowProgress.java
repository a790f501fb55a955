package com.closureconsole.closure;

import java.util.UUID;

/**
 * Where a closure flow stands, as the server recorded it for its flow id: a view shows this and
 * keeps no state of its own about which steps passed.
 *
 * @param verification     the last identity verification recorded for the flow
 * @param givenUpConfirmed the customer accepted the current text of what closure gives up, after
 *                         the passed verification
 */
public record FlowProgress(UUID flowId, Verification verification, boolean givenUpConfirmed) {

    /** The identity verification as recorded: none yet, passed, or failed (the flow cannot go on). */
    public enum Verification { NONE, PASSED, FAILED }

    /** The check and the statement of what is given up may be shown. */
    public boolean verified() {
        return verification == Verification.PASSED;
    }

    /** The reason and the final confirm may be shown: every step before the submission is recorded. */
    public boolean readyToSubmit() {
        return verified() && givenUpConfirmed;
    }
}
