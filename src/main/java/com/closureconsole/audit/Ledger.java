package com.closureconsole.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The ledger's hashes, shared by the sealer, the verifier, the evidence bundle and the offline
 * verifier, so all four compute the same bytes.
 *
 * <p>An entry's leaf hash is SHA-256({@code 0x00} || its canonical text in UTF-8), an inner node
 * SHA-256({@code 0x01} || left || right), and a block's Merkle root is the RFC 6962 tree hash over
 * its leaves in their sealed order (the left subtree holds the largest power of two below the
 * number of leaves). The canonical text is version-tagged, one field a line, each field written as
 * its length, a colon and its text, or a lone NUL for "none"; times at microsecond precision.
 */
final class Ledger {

    static final String ENTRY_VERSION = "closure-console/audit-entry/v2";
    static final String BLOCK_VERSION = "closure-console/audit-block/v1";
    static final String DIGEST_VERSION = "closure-console/audit-digest/v1";
    static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private Ledger() {
    }

    static String micros(Instant instant) {
        return MICROS.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    static String canonical(String version, @Nullable String... fields) {
        StringBuilder text = new StringBuilder(version).append('\n');
        for (String field : fields) {
            if (field == null) {
                text.append('\u0000');
            } else {
                text.append(field.length()).append(':').append(field);
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Every stored field of an entry, its old chain fields included (null for entries of the ledger). */
    static String canonicalEntry(AuditEntry entry) {
        return canonical(ENTRY_VERSION, Long.toString(entry.id()), micros(entry.occurredAt()), entry.actor(),
                entry.actorRole(), entry.clientAddress(), entry.action(), entry.accountId(), entry.outcome().name(),
                entry.detailsText(), entry.correlationId() == null ? null : entry.correlationId().toString(),
                entry.prevHash(), entry.hash());
    }

    static byte[] leafHash(AuditEntry entry) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x00);
        return sha256.digest(canonicalEntry(entry).getBytes(StandardCharsets.UTF_8));
    }

    static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x01);
        sha256.update(left);
        return sha256.digest(right);
    }

    /** The RFC 6962 Merkle tree hash of at least one leaf. */
    static byte[] root(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            throw new IllegalArgumentException("a block seals at least one entry");
        }
        return root(leaves, 0, leaves.size());
    }

    private static byte[] root(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = Integer.highestOneBit(n - 1);
        return node(root(leaves, from, from + k), root(leaves, from + k, to));
    }

    /** The audit path of leaf {@code index}: the sibling hashes from the leaf up to the root. */
    static List<byte[]> path(int index, List<byte[]> leaves) {
        List<byte[]> path = new ArrayList<>();
        path(index, leaves, 0, leaves.size(), path);
        return path;
    }

    private static void path(int index, List<byte[]> leaves, int from, int to, List<byte[]> path) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = Integer.highestOneBit(n - 1);
        if (index < k) {
            path(index, leaves, from, from + k, path);
            path.add(root(leaves, from + k, to));
        } else {
            path(index - k, leaves, from + k, to, path);
            path.add(root(leaves, from, from + k));
        }
    }

    /** Whether {@code path} leads from leaf {@code index} of a tree of {@code size} leaves to {@code root} (RFC 9162, 2.1.3.2). */
    static boolean verifyPath(byte[] leaf, long index, long size, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leaf;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }

    static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
