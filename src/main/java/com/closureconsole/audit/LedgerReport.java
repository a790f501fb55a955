package com.closureconsole.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a verification of the ledger found: the database's entries and blocks held against their
 * hashes, the chain of blocks, the signatures and the digests kept outside the database, and the
 * old hash chain of entries written before the ledger.
 *
 * @param from           start of the verified time range, or {@code null} for the beginning
 * @param to             end of the verified time range, or {@code null} for now
 * @param entriesChecked how many sealed entries were recomputed before it stopped
 * @param blocksChecked  how many blocks were checked before it stopped
 * @param firstBlockNo   the first block checked, or {@code null} when none
 * @param lastBlockNo    the last block checked, or {@code null} when none
 * @param lastBlockHash  the hash of the last block checked intact
 * @param finding        the first thing found wrong, or {@code null} when all is as sealed
 */
public record LedgerReport(@Nullable Instant from, @Nullable Instant to, long entriesChecked, long blocksChecked,
                           @Nullable Long firstBlockNo, @Nullable Long lastBlockNo, @Nullable String lastBlockHash,
                           @Nullable Finding finding) {

    /** Whether everything checked is as it was sealed and signed. */
    public boolean intact() {
        return finding == null;
    }

    /**
     * The first thing found wrong.
     *
     * @param problem what is wrong
     * @param entryId the entry concerned, or {@code null}
     * @param blockNo the block concerned, or {@code null}
     */
    public record Finding(Problem problem, @Nullable Long entryId, @Nullable Long blockNo) {
    }

    /** What can be wrong. */
    public enum Problem {
        /** An entry no longer gives the leaf hash it was sealed with: it was changed. */
        ENTRY_CHANGED,
        /** An entry's structured details no longer say what its sealed details text says. */
        DETAILS_CHANGED,
        /** An entry a block seals is gone. */
        ENTRY_MISSING,
        /** An entry is in no block and not waiting for one: it was put in behind the ledger's back. */
        ENTRY_NOT_SEALED,
        /** A block's leaves no longer give its Merkle root, or its fields no longer give its hash. */
        BLOCK_CHANGED,
        /** A block does not follow on from the block before it: blocks were removed, reordered or rewritten. */
        BLOCK_LINK_BROKEN,
        /** A block's signature is not the ledger key's signature of its hash. */
        BAD_SIGNATURE,
        /** The digest store has no digest for a block. */
        DIGEST_MISSING,
        /** A block is not the one whose digest was stored. */
        DIGEST_MISMATCH,
        /** The digest store knows newer blocks than the database holds: blocks were removed or an older copy restored. */
        NEWEST_BLOCK_MISSING,
        /** The digest store cannot be read as digests. */
        DIGEST_STORE_DAMAGED,
        /** An entry of the old hash chain no longer matches its hash. */
        LEGACY_CONTENT_CHANGED,
        /** An entry of the old hash chain no longer has the details it was hashed with. */
        LEGACY_DETAILS_CHANGED,
        /** An entry of the old hash chain does not link to the one before it. */
        LEGACY_LINK_BROKEN,
        /** The newest entry of the old hash chain is missing or changed. */
        LEGACY_NEWEST_ENTRY_MISSING
    }
}
