package com.closureconsole.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The fields of one audit entry that its hash covers, and the hash: SHA-256 over a canonical text
 * of every field plus the previous entry's hash, so changing, removing or reordering an entry
 * breaks the chain from there on.
 *
 * <p>The canonical text is version-tagged; each field is written as its length, a colon and its
 * text (or a lone NUL for "none"), one per line, so no two different entries read the same. The
 * time is taken at the microsecond precision PostgreSQL stores, and the details are the exact text
 * the application wrote ({@code details_text}), not the jsonb column, whose key order and spacing
 * PostgreSQL normalises.
 */
record ChainedEntry(long id, Instant occurredAt, String actor, @Nullable String actorRole,
                    @Nullable String clientAddress, String action, @Nullable String accountId, String outcome,
                    String detailsText, @Nullable UUID correlationId, @Nullable String prevHash) {

    private static final String VERSION = "closure-console/audit-entry/v1";
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    ChainedEntry {
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    }

    String canonicalText() {
        return Ledger.canonical(VERSION, Long.toString(id), MICROS.format(occurredAt), actor, actorRole,
                clientAddress, action, accountId, outcome, detailsText,
                correlationId == null ? null : correlationId.toString(), prevHash);
    }

    /** The entry's hash: lower-case hex SHA-256 of {@link #canonicalText()} in UTF-8. */
    String hash() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonicalText().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
