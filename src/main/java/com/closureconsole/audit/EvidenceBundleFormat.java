package com.closureconsole.audit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jspecify.annotations.Nullable;

/**
 * The evidence bundle's container: a ZIP of fixed files in a fixed order, stored uncompressed with
 * a fixed time, so the same files always make the same bytes. The verifier rebuilds the ZIP from
 * the files it read and compares: a changed byte anywhere, inside a file or in the ZIP's own
 * headers, is noticed.
 */
final class EvidenceBundleFormat {

    static final String FORMAT = "closure-console/evidence-bundle/v1";
    static final String MANIFEST = "manifest.json";
    static final String MANIFEST_SIGNATURE = "manifest.sig";
    static final String README = "README.txt";
    static final String ENTRIES = "entries.json";
    static final String PROOFS = "proofs.json";
    static final String BLOCKS = "blocks.json";
    static final String DIGESTS = "digests.json";
    static final String PUBLIC_KEY = "public-key.pem";
    static final List<String> FILES = List.of(MANIFEST, MANIFEST_SIGNATURE, README, ENTRIES, PROOFS, BLOCKS, DIGESTS,
            PUBLIC_KEY);
    /** The files the signed manifest lists with their SHA-256. */
    static final List<String> LISTED = FILES.subList(2, FILES.size());
    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private EvidenceBundleFormat() {
    }

    static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : FILES) {
                byte[] content = Objects.requireNonNull(files.get(name), "a bundle is made of every one of its files");
                ZipEntry entry = new ZipEntry(name);
                entry.setMethod(ZipEntry.STORED);
                entry.setTimeLocal(FIXED_TIME);
                entry.setSize(content.length);
                entry.setCompressedSize(content.length);
                CRC32 crc = new CRC32();
                crc.update(content);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an evidence bundle", e);
        }
        return bytes.toByteArray();
    }

    /** The files of a bundle by name, in the order they come; refuses a name that comes twice. */
    static Map<String, byte[]> unzip(byte[] bundle) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                byte[] content;
                try {
                    content = zip.readAllBytes();
                } catch (IOException e) {
                    throw new IOException("the file " + entry.getName() + " was changed (" + e.getMessage() + ")", e);
                }
                if (files.put(entry.getName(), content) != null) {
                    throw new IOException("the file " + entry.getName() + " is in it twice");
                }
            }
        }
        return files;
    }

    /** An entry as the bundle holds it: every stored field, the time at microsecond precision. */
    record Entry(long id, String occurredAt, String actor, @Nullable String actorRole, @Nullable String clientAddress,
                 String action, @Nullable String accountId, String outcome, String detailsText,
                 @Nullable String correlationId, @Nullable String prevHash, @Nullable String hash) {

        static Entry of(AuditEntry entry) {
            return new Entry(entry.id(), Ledger.micros(entry.occurredAt()), entry.actor(), entry.actorRole(),
                    entry.clientAddress(), entry.action(), entry.accountId(), entry.outcome().name(), entry.detailsText(),
                    entry.correlationId() == null ? null : entry.correlationId().toString(), entry.prevHash(), entry.hash());
        }

        AuditEntry auditEntry() {
            return new AuditEntry(id, java.time.Instant.parse(occurredAt), actor, actorRole, clientAddress, action,
                    accountId, AuditOutcome.valueOf(outcome), detailsText,
                    correlationId == null ? null : java.util.UUID.fromString(correlationId), prevHash, hash);
        }
    }

    /** One proof: where the entry is in its block and the audit path to the block's root. */
    record Proof(long entryId, long blockNo, int leafIndex, String leafHash, List<String> path) {
    }

    /** The manifest, signed: which closure, which key, and the SHA-256 of each other file. */
    record Manifest(String format, String correlationId, String createdAt, String keyId, int entries,
                    List<ListedFile> files) {
    }

    record ListedFile(String name, String sha256) {
    }

    static final String README_TEXT = """
            Closure Console evidence bundle (format closure-console/evidence-bundle/v1)
            =========================================================================

            Every audit entry of one closure (one correlation id), with proof that each is sealed,
            unchanged, in a block of the console's audit ledger signed with the ledger's Ed25519 key.

            Files
              manifest.json   the closure, the signing key's id, and the SHA-256 (hex) of each file
                              below; manifest.sig is the ledger key's Ed25519 signature of
                              manifest.json's bytes, base64.
              entries.json    the entries, every stored field; occurredAt is UTC with microseconds.
              proofs.json     per entry: its block, its leaf index, its leaf hash, and the audit path
                              (sibling hashes, leaf to root) of RFC 6962 / RFC 9162 section 2.1.3.
              blocks.json     the blocks that seal them: number, time, leaf count, smallest and
                              largest entry id, Merkle root, previous block's hash, block hash,
                              signature (base64), key id.
              digests.json    the blocks' signed digests as the console's digest store outside the
                              database holds them.
              public-key.pem  the ledger's public key (X.509 SubjectPublicKeyInfo, PEM). Check it
                              against the key the console's operator publishes.

            Hashes (SHA-256, hex)
              canonical text of an entry: "closure-console/audit-entry/v2\\n", then one line per
                field: id, occurredAt, actor, actorRole, clientAddress, action, accountId, outcome,
                detailsText, correlationId, prevHash, hash; each written as its length in UTF-16
                code units, ':', the text, or a lone NUL character when absent.
              leaf hash    = SHA-256(0x00 || UTF-8 canonical text of the entry)
              node hash    = SHA-256(0x01 || left || right); Merkle root as in RFC 6962.
              block hash   = SHA-256 of "closure-console/audit-block/v1\\n" and the lines blockNo,
                sealedAt, entryCount, firstEntryId, lastEntryId, merkleRoot, prevBlockHash, written
                the same way.
              signature    = Ed25519 over "closure-console/audit-digest/v1\\n<blockNo>\\n<blockHash>\\n".

            Verify it without the console (Java 17):
              java -Dloader.main=com.closureconsole.audit.EvidenceBundleVerifier \\
                   -cp closure-console.jar org.springframework.boot.loader.launch.PropertiesLauncher \\
                   this-bundle.zip --public-key ledger-public-key.pem
            It exits 0 when every check holds and 1 naming each problem otherwise. The ZIP is
            written the same way every time (files stored in this order, fixed times), so a
            change to any byte of it is refused.
            """;
}
