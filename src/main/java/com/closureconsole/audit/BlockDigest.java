package com.closureconsole.audit;

/**
 * A sealed block's signed digest as it leaves the database: enough to tell later whether the
 * database still holds that block, unchanged, and that the ledger's key signed it.
 *
 * @param blockNo    the block's number
 * @param sealedAt   when it was sealed, UTC, microseconds ({@code 2025-01-31T08:00:00.123456Z})
 * @param entryCount how many entries it seals
 * @param blockHash  the block's hash, hex SHA-256
 * @param signature  Ed25519 signature over the block's number and hash, base64
 * @param keyId      the signing key's id: the first 16 hex digits of SHA-256 over its public key
 */
public record BlockDigest(long blockNo, String sealedAt, int entryCount, String blockHash, String signature,
                          String keyId) {
}
