package com.closureconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger's hashes, Merkle proofs, keys and digest file, without a database. */
class LedgerUnitTest {

    @Test
    void every_leaf_of_trees_of_1_to_33_leaves_has_a_proof_that_leads_to_the_root_and_only_there() {
        for (int size = 1; size <= 33; size++) {
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                leaves.add(Ledger.sha256(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
            }
            byte[] root = Ledger.root(leaves);
            for (int i = 0; i < size; i++) {
                List<byte[]> path = Ledger.path(i, leaves);
                assertThat(Ledger.verifyPath(leaves.get(i), i, size, path, root)).as("leaf %d of %d", i, size).isTrue();
                assertThat(Ledger.verifyPath(leaves.get(i), (i + 1) % size, size, path, root))
                        .as("leaf %d of %d at the wrong index", i, size).isEqualTo(size == 1);
                assertThat(Ledger.verifyPath(Ledger.sha256(new byte[] {1}), i, size, path, root)).isFalse();
            }
        }
    }

    @Test
    void the_merkle_root_follows_rfc_6962_for_three_leaves() {
        byte[] a = {1};
        byte[] b = {2};
        byte[] c = {3};
        assertThat(Ledger.root(List.of(a, b, c))).isEqualTo(Ledger.node(Ledger.node(a, b), c));
        assertThat(Ledger.root(List.of(a))).isEqualTo(a);
    }

    @Test
    void a_leaf_hash_covers_every_field_and_is_domain_separated_from_inner_nodes() {
        AuditEntry entry = new AuditEntry(7, Instant.parse("2025-01-31T08:00:00.123456Z"), "agent1", "AGENT", "10.0.0.1",
                "CLOSURE_SUBMIT", "2088000000000001", AuditOutcome.SUCCESS, "{\"a\":1}", null, null, null);
        byte[] leaf = Ledger.leafHash(entry);
        assertThat(Ledger.leafHash(new AuditEntry(7, entry.occurredAt().plusNanos(1000), "agent1", "AGENT", "10.0.0.1",
                "CLOSURE_SUBMIT", "2088000000000001", AuditOutcome.SUCCESS, "{\"a\":1}", null, null, null))).isNotEqualTo(leaf);
        assertThat(Ledger.leafHash(new AuditEntry(7, entry.occurredAt(), "agent1", "AGENT", "10.0.0.1",
                "CLOSURE_SUBMIT", "2088000000000001", AuditOutcome.SUCCESS, "{\"a\":1}", null, null, "x"))).isNotEqualTo(leaf);
        assertThat(leaf).isNotEqualTo(Ledger.sha256(Ledger.canonicalEntry(entry).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_generated_key_is_kept_and_a_pem_key_gives_the_same_public_key_and_signatures(@TempDir Path folder) {
        LedgerKeys generated = LedgerKeys.generatedIn(folder);
        LedgerKeys again = LedgerKeys.fromPemFile(folder.resolve("ledger-signing-key.pem"));
        assertThat(again.publicKey()).isEqualTo(generated.publicKey());
        assertThat(LedgerKeys.generatedIn(folder).keyId()).isEqualTo(generated.keyId());
        byte[] digest = LedgerBlock.signedBytes(3, "ab".repeat(32));
        String signature = again.sign(digest);
        assertThat(LedgerKeys.verify(generated.publicKey(), digest, signature)).isTrue();
        assertThat(LedgerKeys.verify(generated.publicKey(), LedgerBlock.signedBytes(4, "ab".repeat(32)), signature)).isFalse();
        assertThat(LedgerKeys.readPublicKey(generated.publicKeyPem())).isEqualTo(generated.publicKey());
    }

    @Test
    void the_digest_file_is_appended_to_and_read_back_in_order(@TempDir Path folder) throws Exception {
        FileDigestStore store = new FileDigestStore(folder);
        BlockDigest one = new BlockDigest(1, "2025-01-31T08:00:00.000001Z", 3, "a".repeat(64), "c2ln", "k");
        BlockDigest two = new BlockDigest(2, "2025-01-31T08:00:00.500001Z", 1, "b".repeat(64), "c2ln", "k");
        store.append(one);
        store.append(two);
        assertThat(new FileDigestStore(folder).readAll()).containsExactly(one, two);
        assertThat(Files.readAllLines(store.file())).hasSize(2);
    }
}
