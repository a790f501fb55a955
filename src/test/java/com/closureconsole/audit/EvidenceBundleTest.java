package com.closureconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Map;
import java.util.UUID;

import com.closureconsole.ConsoleTest;
import com.closureconsole.closure.ClosureAction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/** One closure's evidence bundle holds up offline, and a change of any one byte of it is refused. */
@ConsoleTest
@WithMockUser(username = "supervisor1", roles = "SUPERVISOR")
class EvidenceBundleTest {

    @Autowired
    AuditLog log;
    @Autowired
    EvidenceBundles bundles;
    @Autowired
    AuditTrail trail;
    @Autowired
    LedgerKeys keys;
    @Autowired
    AuditSealer sealer;
    @Autowired
    JdbcTemplate jdbc;

    UUID closure;
    long firstId;

    @BeforeEach
    void recordAClosure() {
        closure = UUID.randomUUID();
        String account = AuditFixtures.newAccountId();
        firstId = AuditFixtures.write(log, "agent1", ClosureAction.ELIGIBILITY_CHECK, account, AuditOutcome.BLOCKED,
                Map.of("blockers", java.util.List.of("BALANCE_NOT_ZERO"), "balance", new java.math.BigDecimal("12.50")), closure);
        AuditFixtures.write(log, "agent1", ClosureAction.CLOSURE_SUBMIT, account, AuditOutcome.SUCCESS, Map.of("note", "注销"), closure);
        AuditFixtures.write(log, "supervisor1", ClosureAction.CLOSURE_APPROVE, account, AuditOutcome.SUCCESS, Map.of(), closure);
    }

    @Test
    void a_bundle_verifies_offline_with_the_ledger_key_and_its_download_is_audited(@TempDir Path folder) throws Exception {
        Path zip = folder.resolve("bundle.zip");
        Path key = folder.resolve("key.pem");
        EvidenceBundle bundle = write(zip);
        Files.writeString(key, keys.publicKeyPem());

        assertThat(bundle.entries()).isEqualTo(3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = EvidenceBundleVerifier.run(new String[] {zip.toString(), "--public-key", key.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("VERIFIED: 3 entries of closure " + closure);
        assertThat(jdbc.queryForMap("""
                SELECT actor, (details ->> 'entries')::int AS entries, details ->> 'sha256' AS sha256 FROM audit_entry
                 WHERE action = 'AUDIT_EVIDENCE_EXPORT' AND correlation_id = ?""", closure))
                .containsEntry("actor", "supervisor1").containsEntry("entries", 3).containsEntry("sha256", bundle.sha256());
    }

    @Test
    void every_proof_leads_to_its_block_root() {
        assertThat(sealer.sealCommitted(java.time.Duration.ofSeconds(10))).isTrue();
        InclusionProof proof = trail.proof(firstId).orElseThrow();
        assertThat(proof.leadsToRoot()).isTrue();
        assertThat(new InclusionProof(proof.entryId(), proof.leafIndex(), "00".repeat(32), proof.path(), proof.block())
                .leadsToRoot()).isFalse();
    }

    @Test
    void one_changed_byte_anywhere_in_the_bundle_is_refused_with_what_is_wrong(@TempDir Path folder) throws Exception {
        Path zip = folder.resolve("bundle.zip");
        write(zip);
        byte[] original = Files.readAllBytes(zip);
        assertThat(EvidenceBundleVerifier.verify(original, keys.publicKey()).problems()).isEmpty();
        int checked = 0;
        for (int at = 0; at < original.length; at += 7) {
            byte[] changed = original.clone();
            changed[at] ^= 0x01;
            assertThat(EvidenceBundleVerifier.verify(changed, keys.publicKey()).problems()).as("byte %d changed", at).isNotEmpty();
            checked++;
        }
        assertThat(checked).isGreaterThan(100);

        // The refusal names the file whose content changed.
        String text = new String(original, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\"actor\" : \"agent1\"") + "\"actor\" : \"".length();
        byte[] edited = original.clone();
        edited[at] = 'b';
        Files.write(zip, edited);
        Path key = folder.resolve("key.pem");
        Files.writeString(key, keys.publicKeyPem());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = EvidenceBundleVerifier.run(new String[] {zip.toString(), "--public-key", key.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("REFUSED").contains("the file entries.json was changed");
    }

    @Test
    void a_bundle_checked_against_another_key_is_refused(@TempDir Path folder) throws Exception {
        Path zip = folder.resolve("bundle.zip");
        write(zip);
        var other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        assertThat(EvidenceBundleVerifier.verify(Files.readAllBytes(zip), other).problems())
                .contains("public-key.pem is not the public key given with --public-key");
    }

    private EvidenceBundle write(Path zip) throws Exception {
        try (var out = Files.newOutputStream(zip)) {
            return bundles.write(closure, out);
        }
    }
}
