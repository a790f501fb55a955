package com.closureconsole.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a verification of the chain found.
 *
 * @param from           start of the verified time range, or {@code null} for the beginning
 * @param to             end of the verified time range, or {@code null} for now
 * @param entriesChecked how many entries were recomputed and linked before it stopped
 * @param firstId        the first entry of the range, or {@code null} when it holds none
 * @param lastId         the last entry of the range, or {@code null} when it holds none
 * @param lastHash       the hash of the last entry checked, to note down and compare later
 * @param brokenLink     the first broken link, or {@code null} when the chain is intact
 */
record ChainReport(@Nullable Instant from, @Nullable Instant to, long entriesChecked, @Nullable Long firstId,
                   @Nullable Long lastId, @Nullable String lastHash, @Nullable BrokenLink brokenLink) {

    /** Whether every entry checked is as written and linked to the one before. */
    public boolean intact() {
        return brokenLink == null;
    }

    /**
     * Where the chain breaks first.
     *
     * @param entryId    the entry at which it breaks
     * @param problem    what is wrong there
     * @param previousId the entry it should link to, or {@code null} when none comes before it
     */
    public record BrokenLink(long entryId, Problem problem, @Nullable Long previousId) {
    }

    /** What can be wrong with an entry. */
    public enum Problem {
        /** Its fields no longer give its hash: it was changed after it was written. */
        CONTENT_CHANGED,
        /** Its structured details no longer say what its hashed details text says. */
        DETAILS_CHANGED,
        /** It does not link to the entry before it: entries were removed, reordered or changed. */
        LINK_BROKEN,
        /** The newest entry the chain's head records is missing or changed. */
        NEWEST_ENTRY_MISSING
    }
}
