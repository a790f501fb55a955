package com.closureconsole.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.closureconsole.security.CurrentStaff;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Writes the evidence bundle of one closure for an outside auditor: every entry of its trail,
 * their inclusion proofs, the blocks that seal them, those blocks' digests from the digest store,
 * and the ledger's public key, in a ZIP whose format {@code README.txt} describes and which
 * {@link EvidenceBundleVerifier} checks without the console. Supervisors only; every download is
 * audited, with the bundle's SHA-256.
 */
@Service
@PreAuthorize("hasRole('SUPERVISOR')")
public class EvidenceBundles {

    private final JdbcTemplate jdbc;
    private final LedgerProofs proofs;
    private final AuditSealer sealer;
    private final DigestStore digests;
    private final LedgerKeys keys;
    private final AuditLog log;
    private final CurrentStaff staff;

    EvidenceBundles(JdbcTemplate jdbc, LedgerProofs proofs, AuditSealer sealer, DigestStore digests, LedgerKeys keys,
                    AuditLog log, CurrentStaff staff) {
        this.jdbc = jdbc;
        this.proofs = proofs;
        this.sealer = sealer;
        this.digests = digests;
        this.keys = keys;
        this.log = log;
        this.staff = staff;
    }

    /** Writes the bundle of the closure {@code correlationId} to {@code out} (left open) and audits it. */
    public EvidenceBundle write(UUID correlationId, OutputStream out) {
        // The newest steps were committed under a second ago: have them sealed first.
        if (!sealer.sealCommitted(Duration.ofSeconds(10))) {
            throw new IllegalStateException("the closure's newest entries are not sealed yet");
        }
        List<AuditEntry> entries = jdbc.query("SELECT " + AuditQuery.COLUMNS
                + " FROM audit_entry WHERE correlation_id = ? ORDER BY id", (row, n) -> AuditQuery.entry(row), correlationId);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no entry belongs to closure " + correlationId);
        }
        List<InclusionProof> sealed = proofs.proofs(entries.stream().map(AuditEntry::id).toList());
        if (sealed.size() != entries.size()) {
            throw new IllegalStateException("some entries of closure " + correlationId + " are not sealed yet");
        }
        Map<Long, InclusionProof.Block> blocks = new LinkedHashMap<>();
        List<EvidenceBundleFormat.Proof> proofList = new ArrayList<>();
        for (InclusionProof proof : sealed) {
            blocks.putIfAbsent(proof.block().blockNo(), proof.block());
            proofList.add(new EvidenceBundleFormat.Proof(proof.entryId(), proof.block().blockNo(), proof.leafIndex(),
                    proof.leafHash(), proof.path()));
        }
        Map<Long, BlockDigest> stored = new HashMap<>();
        for (BlockDigest digest : digests.readAll()) {
            if (blocks.containsKey(digest.blockNo())) {
                stored.putIfAbsent(digest.blockNo(), digest);
            }
        }
        Map<String, byte[]> files = new HashMap<>();
        files.put(EvidenceBundleFormat.README, EvidenceBundleFormat.README_TEXT.getBytes(StandardCharsets.UTF_8));
        files.put(EvidenceBundleFormat.ENTRIES, json(entries.stream().map(EvidenceBundleFormat.Entry::of).toList()));
        files.put(EvidenceBundleFormat.PROOFS, json(proofList));
        files.put(EvidenceBundleFormat.BLOCKS, json(List.copyOf(blocks.values())));
        files.put(EvidenceBundleFormat.DIGESTS, json(blocks.keySet().stream().filter(stored::containsKey).map(stored::get).toList()));
        files.put(EvidenceBundleFormat.PUBLIC_KEY, keys.publicKeyPem().getBytes(StandardCharsets.US_ASCII));
        List<EvidenceBundleFormat.ListedFile> listed = EvidenceBundleFormat.LISTED.stream()
                .map(name -> new EvidenceBundleFormat.ListedFile(name,
                        Ledger.hex(Ledger.sha256(Objects.requireNonNull(files.get(name), "put above"))))).toList();
        byte[] manifest = json(new EvidenceBundleFormat.Manifest(EvidenceBundleFormat.FORMAT, correlationId.toString(),
                Ledger.micros(Instant.now()), keys.keyId(), entries.size(), listed));
        files.put(EvidenceBundleFormat.MANIFEST, manifest);
        files.put(EvidenceBundleFormat.MANIFEST_SIGNATURE, keys.sign(manifest).getBytes(StandardCharsets.US_ASCII));
        byte[] zip = EvidenceBundleFormat.zip(files);
        try {
            out.write(zip);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hand out the evidence bundle", e);
        }
        EvidenceBundle bundle = new EvidenceBundle(entries.size(), blocks.size(), Ledger.hex(Ledger.sha256(zip)));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", "EVIDENCE_BUNDLE");
        details.put("entries", bundle.entries());
        details.put("blocks", bundle.blocks());
        details.put("sha256", bundle.sha256());
        Set<String> accounts = new LinkedHashSet<>();
        entries.stream().map(AuditEntry::accountId).filter(java.util.Objects::nonNull).forEach(accounts::add);
        log.record(new AuditEvent(AuditTrailAction.AUDIT_EVIDENCE_EXPORT, accounts.stream().findFirst().orElse(null),
                AuditOutcome.SUCCESS, details, correlationId), Actor.current(staff));
        return bundle;
    }

    private static byte[] json(Object value) {
        try {
            return EvidenceBundleFormat.JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the evidence bundle's JSON", e);
        }
    }
}
