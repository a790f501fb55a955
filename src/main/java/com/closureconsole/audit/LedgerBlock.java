package com.closureconsole.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * One sealed block of the ledger: the Merkle root of its entries, the hash of the block before,
 * its own hash over all of that, and the signature over its digest.
 *
 * @param blockNo       1, 2, 3 … with no gaps
 * @param sealedAt      when the sealer sealed it (the database's clock)
 * @param entryCount    how many entries it seals
 * @param firstEntryId  the smallest id it seals
 * @param lastEntryId   the largest id it seals
 * @param merkleRoot    RFC 6962 tree hash of its entries' leaf hashes, hex
 * @param prevBlockHash the block before's hash, hex; {@code null} for block 1
 * @param blockHash     SHA-256 of {@link #canonicalText()}, hex
 * @param signature     Ed25519 signature of {@link #signedBytes(long, String)}, base64
 * @param keyId         which key signed it ({@link LedgerKeys#keyId(java.security.PublicKey)})
 */
record LedgerBlock(long blockNo, Instant sealedAt, int entryCount, long firstEntryId, long lastEntryId,
                   String merkleRoot, @Nullable String prevBlockHash, String blockHash, String signature, String keyId) {

    LedgerBlock {
        sealedAt = sealedAt.truncatedTo(ChronoUnit.MICROS);
    }

    String canonicalText() {
        return canonicalText(blockNo, sealedAt, entryCount, firstEntryId, lastEntryId, merkleRoot, prevBlockHash);
    }

    /** What this block's fields hash to; equal to {@link #blockHash()} unless it was changed. */
    String computedHash() {
        return hash(blockNo, sealedAt, entryCount, firstEntryId, lastEntryId, merkleRoot, prevBlockHash);
    }

    /** The hash of a block with these fields, before it is signed: what {@link #computedHash()} gives for it. */
    static String hash(long blockNo, Instant sealedAt, int entryCount, long firstEntryId, long lastEntryId,
                       String merkleRoot, @Nullable String prevBlockHash) {
        String text = canonicalText(blockNo, sealedAt, entryCount, firstEntryId, lastEntryId, merkleRoot,
                prevBlockHash);
        return Ledger.hex(Ledger.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String canonicalText(long blockNo, Instant sealedAt, int entryCount, long firstEntryId,
                                        long lastEntryId, String merkleRoot, @Nullable String prevBlockHash) {
        return Ledger.canonical(Ledger.BLOCK_VERSION, Long.toString(blockNo), Ledger.micros(sealedAt),
                Integer.toString(entryCount), Long.toString(firstEntryId), Long.toString(lastEntryId),
                merkleRoot, prevBlockHash);
    }

    /** The bytes a block's signature covers: its number and its hash. */
    static byte[] signedBytes(long blockNo, String blockHash) {
        return (Ledger.DIGEST_VERSION + "\n" + blockNo + "\n" + blockHash + "\n").getBytes(StandardCharsets.UTF_8);
    }

    BlockDigest digest() {
        return new BlockDigest(blockNo, Ledger.micros(sealedAt), entryCount, blockHash, signature, keyId);
    }
}
