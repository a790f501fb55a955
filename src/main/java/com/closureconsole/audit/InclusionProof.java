package com.closureconsole.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Proof that one entry is sealed in a signed block: its leaf hash, the RFC 6962 audit path from
 * that leaf to the block's Merkle root, and the block's fields that its hash and signature cover.
 * Anyone with the ledger's public key can check it without the console ({@link EvidenceBundleVerifier}).
 *
 * @param entryId   the entry
 * @param leafIndex its position among the block's leaves, from 0
 * @param leafHash  SHA-256(0x00 || the entry's canonical text), hex
 * @param path      sibling hashes from the leaf up to the root, hex
 * @param block     the sealed block, with its signature
 */
public record InclusionProof(long entryId, int leafIndex, String leafHash, List<String> path, Block block) {

    /** Whether the path leads from {@code leafHash} to the block's Merkle root. */
    public boolean leadsToRoot() {
        return Ledger.verifyPath(Ledger.unhex(leafHash), leafIndex, block.entryCount(),
                path.stream().map(Ledger::unhex).toList(), Ledger.unhex(block.merkleRoot()));
    }

    /**
     * The block's fields as they are hashed and signed.
     *
     * @param blockNo       its number
     * @param sealedAt      when it was sealed, UTC, microseconds
     * @param entryCount    how many leaves its tree has
     * @param firstEntryId  the smallest id it seals
     * @param lastEntryId   the largest id it seals
     * @param merkleRoot    its Merkle root, hex
     * @param prevBlockHash the block before's hash, hex, or {@code null} for block 1
     * @param blockHash     SHA-256 of its canonical text, hex
     * @param signature     Ed25519 signature over its number and hash, base64
     * @param keyId         the signing key's id
     */
    public record Block(long blockNo, String sealedAt, int entryCount, long firstEntryId, long lastEntryId,
                        String merkleRoot, @Nullable String prevBlockHash, String blockHash, String signature, String keyId) {

        static Block of(LedgerBlock block) {
            return new Block(block.blockNo(), Ledger.micros(block.sealedAt()), block.entryCount(), block.firstEntryId(),
                    block.lastEntryId(), block.merkleRoot(), block.prevBlockHash(), block.blockHash(), block.signature(),
                    block.keyId());
        }

        LedgerBlock ledgerBlock() {
            return new LedgerBlock(blockNo, java.time.Instant.parse(sealedAt), entryCount, firstEntryId, lastEntryId,
                    merkleRoot, prevBlockHash, blockHash, signature, keyId);
        }
    }
}
