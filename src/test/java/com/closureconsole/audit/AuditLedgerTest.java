package com.closureconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.closureconsole.ConsoleTest;
import com.closureconsole.audit.AuditFixtures.Superuser;
import com.closureconsole.closure.ClosureAction;
import com.closureconsole.notification.NotificationAction;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger catches whatever someone with the database superuser's keys does to it, because the
 * blocks are signed with a key the database never sees and their digests are kept outside it; and
 * concurrent writers lose, duplicate or leave unsealed no entry. The scheduled sealer is paused
 * while a test tampers, and each tampering is undone afterwards from a copy of the ledger.
 */
@ConsoleTest
@WithMockUser(username = "supervisor1", roles = "SUPERVISOR")
class AuditLedgerTest {

    @Autowired
    AuditLog log;
    @Autowired
    AuditIntegrity integrity;
    @Autowired
    AuditSealer sealer;
    @Autowired
    DigestStore digests;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbeddedPostgres postgres;

    Superuser superuser;
    Instant start;
    List<Long> ids;
    byte[] digestFile;

    @BeforeEach
    void writeAndSealThreeEntries() throws Exception {
        sealer.pause(true);
        superuser = new Superuser(postgres);
        start = AuditFixtures.now();
        String account = AuditFixtures.newAccountId();
        ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(AuditFixtures.write(log, "supervisor1", ClosureAction.CLOSURE_APPROVE, account,
                    AuditOutcome.SUCCESS, Map.of("step", i, "note", "第" + i + "步"), null));
        }
        assertThat(sealer.sealCommitted(Duration.ofSeconds(10))).isTrue();
        superuser.copyLedger();
        digestFile = Files.readAllBytes(digestPath());
    }

    @AfterEach
    void undoTheTampering() throws Exception {
        superuser.restoreLedger();
        Files.write(digestPath(), digestFile);
        sealer.pause(false);
        assertThat(verify(start, null).intact()).as("the ledger is whole again").isTrue();
    }

    @Test
    void an_untouched_ledger_verifies_as_intact_in_a_range_and_in_whole() {
        LedgerReport range = verify(start, null);
        assertThat(range.intact()).as("%s", range.finding()).isTrue();
        assertThat(range.entriesChecked()).isGreaterThanOrEqualTo(3);
        LedgerReport all = verify(null, null);
        assertThat(all.intact()).as("%s", all.finding()).isTrue();
        assertThat(all.entriesChecked()).isGreaterThan(range.entriesChecked());
        assertThat(all.firstBlockNo()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_block", Long.class)).isEqualTo(all.blocksChecked());
    }

    @Test
    void a_ledger_walked_in_many_runs_on_two_connections_names_its_earliest_tampered_entry() {
        // Eight blocks of 25 entries after this test's first three: runs of 50 entries
        // (application-test.properties) are walked on two connections side by side.
        String account = AuditFixtures.newAccountId();
        List<Long> later = new ArrayList<>();
        for (int block = 0; block < 8; block++) {
            for (int i = 0; i < 25; i++) {
                later.add(AuditFixtures.write(log, "supervisor1", ClosureAction.CLOSURE_APPROVE, account,
                        AuditOutcome.SUCCESS, Map.of("block", block, "i", i), null));
            }
            assertThat(sealer.sealCommitted(Duration.ofSeconds(10))).isTrue();
        }
        LedgerReport intact = verify(start, null);
        assertThat(intact.intact()).as("%s", intact.finding()).isTrue();
        assertThat(intact.blocksChecked()).isGreaterThanOrEqualTo(9);

        superuser.tamper("UPDATE audit_entry SET actor = 'mallory' WHERE id = ?", later.get(190));
        assertFinding(verify(start, null), LedgerReport.Problem.ENTRY_CHANGED, later.get(190));
        superuser.tamper("UPDATE audit_entry SET actor = 'mallory' WHERE id = ?", later.get(60));
        assertFinding(verify(start, null), LedgerReport.Problem.ENTRY_CHANGED, later.get(60));
        superuser.tamper("UPDATE audit_entry SET actor = 'mallory' WHERE id = ?", ids.get(0));
        assertFinding(verify(null, null), LedgerReport.Problem.ENTRY_CHANGED, ids.get(0));
    }

    @Test
    void an_edited_field_is_caught_at_its_entry() {
        superuser.tamper("UPDATE audit_entry SET actor = 'mallory' WHERE id = ?", ids.get(1));
        assertFinding(verify(start, null), LedgerReport.Problem.ENTRY_CHANGED, ids.get(1));
    }

    @Test
    void edited_structured_details_are_caught() {
        // The check that holds new entries' details to their text (V113) is the owner's to drop.
        superuser.tamper(jdbc -> {
            jdbc.execute("ALTER TABLE audit_entry DROP CONSTRAINT " + Superuser.DETAILS_CHECK);
            jdbc.update("UPDATE audit_entry SET details = jsonb_set(details, '{step}', '7') WHERE id = ?", ids.get(1));
        });
        assertFinding(verify(start, null), LedgerReport.Problem.DETAILS_CHANGED, ids.get(1));
    }

    @Test
    void a_deleted_entry_is_caught() {
        superuser.tamper("DELETE FROM audit_entry WHERE id = ?", ids.get(1));
        assertFinding(verify(null, null), LedgerReport.Problem.ENTRY_MISSING, ids.get(1));
    }

    @Test
    void a_forged_entry_inserted_between_two_others_is_caught() {
        superuser.tamper(jdbc -> {
            jdbc.update("""
                    INSERT INTO audit_entry (id, occurred_at, actor, action, outcome, details, details_text)
                    SELECT id + 1000000000000, occurred_at, 'mallory', 'CLOSURE_APPROVE', 'SUCCESS', '{}', '{}'
                      FROM audit_entry WHERE id = ?""", ids.get(1));
        });
        assertFinding(verify(start, null), LedgerReport.Problem.ENTRY_NOT_SEALED, ids.get(1) + 1000000000000L);
    }

    @Test
    void a_seal_naming_a_block_that_does_not_exist_hides_no_entry_from_verification() {
        // Seals carry no foreign key to their block (V111): a seal written by hand for a block that was
        // never sealed keeps the sealer away from its entry, and verification names the entry as not sealed.
        long hidden = AuditFixtures.write(log, "supervisor1", ClosureAction.CLOSURE_APPROVE, AuditFixtures.newAccountId(),
                AuditOutcome.SUCCESS, Map.of("step", 9), null);
        superuser.tamper(jdbc -> jdbc.update("""
                INSERT INTO audit_entry_seal (entry_id, block_no, position, leaf_hash, occurred_at)
                SELECT id, 999999999, 0, 'not a hash', occurred_at FROM audit_entry WHERE id = ?""", hidden));
        assertFinding(verify(start, null), LedgerReport.Problem.ENTRY_NOT_SEALED, hidden);
        assertFinding(verify(null, null), LedgerReport.Problem.ENTRY_NOT_SEALED, hidden);
    }

    @Test
    void a_leaf_hash_that_is_not_a_hash_is_caught_at_its_entry() {
        superuser.tamper("UPDATE audit_entry_seal SET leaf_hash = 'not a hash' WHERE entry_id = ?", ids.get(1));
        assertFinding(verify(start, null), LedgerReport.Problem.ENTRY_CHANGED, ids.get(1));
    }

    @Test
    void two_swapped_entries_are_caught() {
        superuser.tamper(jdbc -> {
            jdbc.update("UPDATE audit_entry SET id = -id WHERE id IN (?, ?)", ids.get(1), ids.get(2));
            jdbc.update("UPDATE audit_entry SET id = ? WHERE id = ?", ids.get(2), -ids.get(1));
            jdbc.update("UPDATE audit_entry SET id = ? WHERE id = ?", ids.get(1), -ids.get(2));
        });
        assertFinding(verify(start, null), LedgerReport.Problem.ENTRY_CHANGED, ids.get(1));
    }

    @Test
    void an_edit_with_every_hash_recomputed_is_caught_by_the_signature_and_the_stored_digest() {
        long block = jdbc.queryForObject("SELECT block_no FROM audit_entry_seal WHERE entry_id = ?", Long.class, ids.get(1));
        superuser.tamper(jdbc -> {
            jdbc.update("UPDATE audit_entry SET action = 'SIGN_IN' WHERE id = ?", ids.get(1));
            List<AuditEntry> entries = jdbc.query("SELECT " + AuditQuery.E_COLUMNS + " FROM audit_entry_seal s JOIN audit_entry e"
                    + " ON e.id = s.entry_id WHERE s.block_no = ? ORDER BY s.position", (row, n) -> AuditQuery.entry(row), block);
            List<byte[]> leaves = new ArrayList<>();
            for (AuditEntry entry : entries) {
                byte[] leaf = Ledger.leafHash(entry);
                leaves.add(leaf);
                jdbc.update("UPDATE audit_entry_seal SET leaf_hash = ? WHERE entry_id = ?", Ledger.hex(leaf), entry.id());
            }
            jdbc.update("UPDATE audit_block SET merkle_root = ? WHERE block_no = ?", Ledger.hex(Ledger.root(leaves)), block);
            // Every later block is rehashed and relinked, and the sealer's state follows, as a thorough attacker would.
            String previous = jdbc.queryForObject("SELECT prev_block_hash FROM audit_block WHERE block_no = ?", String.class, block);
            for (LedgerBlock b : jdbc.query("SELECT " + AuditSealer.BLOCK_COLUMNS + " FROM audit_block WHERE block_no >= ?"
                    + " ORDER BY block_no", (row, n) -> AuditSealer.block(row), block)) {
                LedgerBlock relinked = new LedgerBlock(b.blockNo(), b.sealedAt(), b.entryCount(), b.firstEntryId(),
                        b.lastEntryId(), b.merkleRoot(), previous, null, b.signature(), b.keyId());
                previous = relinked.computedHash();
                jdbc.update("UPDATE audit_block SET prev_block_hash = ?, block_hash = ? WHERE block_no = ?",
                        relinked.prevBlockHash(), previous, b.blockNo());
            }
            jdbc.update("UPDATE audit_sealer SET last_block_hash = ?", previous);
        });
        assertFinding(verify(null, null), LedgerReport.Problem.BAD_SIGNATURE, null);
        assertThat(verify(null, null).finding().blockNo()).isEqualTo(block);
    }

    @Test
    void restoring_an_older_copy_of_the_tables_is_caught() {
        AuditFixtures.write(log, "supervisor1", ClosureAction.CLOSURE_REJECT, null, AuditOutcome.SUCCESS, Map.of(), null);
        assertThat(sealer.sealCommitted(Duration.ofSeconds(10))).isTrue();
        superuser.restoreLedger();
        LedgerReport report = verify(null, null);
        assertThat(report.intact()).isFalse();
        assertThat(report.finding().problem()).isIn(LedgerReport.Problem.NEWEST_BLOCK_MISSING, LedgerReport.Problem.DIGEST_MISMATCH);
    }

    @Test
    void a_removed_newest_block_is_caught() {
        long newest = jdbc.queryForObject("SELECT max(block_no) FROM audit_block", Long.class);
        superuser.tamper(jdbc -> {
            jdbc.update("DELETE FROM audit_entry_seal WHERE block_no = ?", newest);
            jdbc.update("DELETE FROM audit_block WHERE block_no = ?", newest);
            jdbc.update("UPDATE audit_sealer SET last_block_no = ?, last_block_hash = "
                    + "(SELECT block_hash FROM audit_block WHERE block_no = ?)", newest - 1, newest - 1);
        });
        LedgerReport report = verify(null, null);
        assertThat(report.intact()).isFalse();
        assertThat(report.finding().problem()).isIn(LedgerReport.Problem.NEWEST_BLOCK_MISSING,
                LedgerReport.Problem.DIGEST_MISMATCH, LedgerReport.Problem.ENTRY_NOT_SEALED);
        assertThat(report.finding().blockNo() == null ? newest : report.finding().blockNo()).isEqualTo(newest);
    }

    @Test
    void a_removed_newest_digest_is_caught() throws Exception {
        List<String> lines = Files.readAllLines(digestPath(), StandardCharsets.UTF_8);
        Files.write(digestPath(), lines.subList(0, lines.size() - 1), StandardCharsets.UTF_8);
        long newest = jdbc.queryForObject("SELECT max(block_no) FROM audit_block", Long.class);
        LedgerReport report = verify(null, null);
        assertThat(report.finding()).isEqualTo(new LedgerReport.Finding(LedgerReport.Problem.DIGEST_MISSING, null, newest));
    }

    @Test
    void a_forged_signature_is_caught() {
        long block = jdbc.queryForObject("SELECT block_no FROM audit_entry_seal WHERE entry_id = ?", Long.class, ids.get(0));
        superuser.tamper("UPDATE audit_block SET signature = translate(signature, 'ABCabc', 'BCAbca') WHERE block_no = ?", block);
        assertThat(verify(start, null).finding())
                .isEqualTo(new LedgerReport.Finding(LedgerReport.Problem.BAD_SIGNATURE, null, block));
    }

    @Test
    void concurrent_writers_on_several_connections_lose_duplicate_and_leave_unsealed_no_entry() throws Exception {
        sealer.pause(false);
        String account = AuditFixtures.newAccountId();
        int writers = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<List<Long>>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit((Callable<List<Long>>) () -> {
                TransactionTemplate tx = new TransactionTemplate(transactions);
                List<Long> committed = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    boolean rollBack = i % 5 == 4;
                    int step = i;
                    Long id = tx.execute(status -> {
                        long written = log.record(new AuditEvent(NotificationAction.NOTIFICATION_DELIVERY, account,
                                AuditOutcome.SUCCESS, Map.of("writer", writer, "step", step), null),
                                new Actor("writer" + writer, "AGENT", "127.0.0.1"));
                        if (rollBack) {
                            status.setRollbackOnly();
                        }
                        return written;
                    });
                    if (!rollBack) {
                        committed.add(id);
                    }
                }
                return committed;
            }));
        }
        List<Long> committed = new ArrayList<>();
        for (Future<List<Long>> writer : done) {
            committed.addAll(writer.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(sealer.sealCommitted(Duration.ofSeconds(10))).isTrue();

        assertThat(committed).hasSize(writers * each * 4 / 5).doesNotHaveDuplicates();
        assertThat(jdbc.queryForList("SELECT id FROM audit_entry WHERE account_id = ? ORDER BY id", Long.class, account))
                .containsExactlyElementsOf(committed.stream().sorted().toList());
        assertThat(jdbc.queryForObject("""
                SELECT count(DISTINCT s.entry_id) = count(*) AND count(*) = ?
                  FROM audit_entry e JOIN audit_entry_seal s ON s.entry_id = e.id WHERE e.account_id = ?""",
                Boolean.class, committed.size(), account)).as("each sealed exactly once").isTrue();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM audit_unsealed u JOIN audit_entry e ON e.id = u.entry_id WHERE e.account_id = ?""",
                Integer.class, account)).isZero();
        LedgerReport report = verify(start, null);
        assertThat(report.intact()).as("%s", report.finding()).isTrue();
    }

    @Test
    void entries_are_sealed_within_a_second_of_their_commit_by_the_scheduled_sealer() throws Exception {
        sealer.pause(false);
        long id = AuditFixtures.write(log, "supervisor1", SignInAction.SIGN_IN, null, AuditOutcome.SUCCESS, Map.of(), null);
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        boolean sealed = false;
        while (!sealed && System.nanoTime() < deadline) {
            sealed = jdbc.queryForObject("SELECT count(*) FROM audit_entry_seal WHERE entry_id = ?", Integer.class, id) == 1;
            Thread.sleep(20);
        }
        assertThat(sealed).isTrue();
        OffsetDateTime sealedAt = jdbc.queryForObject("SELECT b.sealed_at FROM audit_block b JOIN audit_entry_seal s USING (block_no)"
                + " WHERE s.entry_id = ?", OffsetDateTime.class, id);
        assertThat(sealedAt.toInstant()).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void a_node_finding_the_sealer_busy_moves_on_and_a_sealer_dying_midway_leaves_nothing_half_sealed() throws Exception {
        AuditFixtures.write(log, "supervisor1", SignInAction.SIGN_IN, null, AuditOutcome.SUCCESS, Map.of(), null);
        long blocks = jdbc.queryForObject("SELECT count(*) FROM audit_block", Long.class);
        try (Connection other = superuser.jdbc().getDataSource().getConnection()) {
            other.setAutoCommit(false);
            JdbcTemplate node = new JdbcTemplate(new SingleConnectionDataSource(other, true));
            node.queryForList("SELECT last_block_no FROM audit_sealer FOR UPDATE");
            node.update("INSERT INTO audit_block SELECT last_block_no + 1, now(), 1, 0, 0, repeat('0', 64), NULL, repeat('0', 64), "
                    + "'half', 'k' FROM audit_sealer");
            long began = System.nanoTime();
            assertThat(sealer.sealPending()).as("another node is sealing").isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(2));
            // That node dies before it commits.
            superuser.jdbc().queryForObject("SELECT pg_terminate_backend(?)", Boolean.class,
                    node.queryForObject("SELECT pg_backend_pid()", Integer.class));
        }
        assertThat(sealer.sealCommitted(Duration.ofSeconds(10))).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_block WHERE signature = 'half'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_block", Long.class)).isGreaterThan(blocks);
        assertThat(verify(start, null).intact()).isTrue();
    }

    @Test
    void each_verification_is_itself_audited_with_what_it_found() {
        LedgerReport report = verify(start, null);
        Map<String, Object> entry = jdbc.queryForMap("""
                SELECT actor, outcome, details ->> 'intact' AS intact, (details ->> 'entriesChecked')::bigint AS checked
                  FROM audit_entry WHERE action = 'AUDIT_VERIFY' ORDER BY id DESC LIMIT 1""");
        assertThat(entry).containsEntry("actor", "supervisor1").containsEntry("outcome", "SUCCESS")
                .containsEntry("intact", "true").containsEntry("checked", report.entriesChecked());
    }

    private Path digestPath() {
        return Path.of(digests.describe());
    }

    private LedgerReport verify(Instant from, Instant to) {
        return AuditFixtures.await(integrity.start(from, to));
    }

    private static void assertFinding(LedgerReport report, LedgerReport.Problem problem, Long entryId) {
        assertThat(report.intact()).as("tampering caught").isFalse();
        assertThat(report.finding().problem()).isEqualTo(problem);
        if (entryId != null) {
            assertThat(report.finding().entryId()).isEqualTo(entryId);
        }
    }
}
