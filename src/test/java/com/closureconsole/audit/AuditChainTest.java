package com.closureconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.closureconsole.ConsoleTest;
import com.closureconsole.audit.AuditFixtures.StoredRow;
import com.closureconsole.audit.AuditFixtures.Superuser;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain catches tampering by someone with the database's superuser keys, and concurrent
 * writers never fork it. Every tampering is undone afterwards, so the shared trail stays intact.
 */
@ConsoleTest
@WithMockUser(username = "supervisor1", roles = "SUPERVISOR")
class AuditChainTest {

    @Autowired
    AuditLog log;
    @Autowired
    AuditIntegrity integrity;
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

    @BeforeEach
    void writeThreeEntries() {
        superuser = new Superuser(postgres);
        start = AuditFixtures.now();
        String account = AuditFixtures.newAccountId();
        ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(AuditFixtures.write(log, "supervisor1", AuditAction.CLOSURE_APPROVE, account,
                    AuditOutcome.SUCCESS, Map.of("step", i, "note", "第" + i + "步"), null));
        }
    }

    @Test
    void an_untouched_trail_verifies_as_intact_in_a_range_and_in_whole() {
        ChainReport range = verify(start, null);
        assertThat(range.intact()).isTrue();
        assertThat(range.entriesChecked()).isGreaterThanOrEqualTo(3);
        assertThat(range.firstId()).isEqualTo(ids.get(0));

        ChainReport all = verify(null, null);
        assertThat(all.intact()).as("%s", all.brokenLink()).isTrue();
        assertThat(all.entriesChecked()).isGreaterThan(range.entriesChecked());
    }

    @Test
    void verification_catches_an_edited_field() {
        StoredRow original = superuser.row(ids.get(1));
        try {
            superuser.tamper("UPDATE audit_entry SET actor = 'mallory' WHERE id = ?", ids.get(1));
            assertBrokenAt(ids.get(1), ChainReport.Problem.CONTENT_CHANGED);
        } finally {
            superuser.restore(List.of(original));
        }
        assertThat(verify(start, null).intact()).isTrue();
    }

    @Test
    void verification_catches_edited_structured_details() {
        StoredRow original = superuser.row(ids.get(1));
        try {
            superuser.tamper("UPDATE audit_entry SET details = jsonb_set(details, '{step}', '7') WHERE id = ?", ids.get(1));
            assertBrokenAt(ids.get(1), ChainReport.Problem.DETAILS_CHANGED);
        } finally {
            superuser.restore(List.of(original));
        }
        assertThat(verify(start, null).intact()).isTrue();
    }

    @Test
    void verification_catches_an_edit_whose_hash_was_recomputed() {
        StoredRow original = superuser.row(ids.get(1));
        StoredRow forged = new StoredRow(original.id(), original.occurredAt(), original.actor(), original.actorRole(),
                original.clientAddress(), "SIGN_IN", original.accountId(), original.outcome(), original.details(),
                original.detailsText(), original.correlationId(), original.prevHash(), null);
        String forgedHash = new ChainedEntry(forged.id(), forged.occurredAt().toInstant(), forged.actor(),
                forged.actorRole(), forged.clientAddress(), forged.action(), forged.accountId(), forged.outcome(),
                forged.detailsText(), forged.correlationId(), forged.prevHash()).hash();
        try {
            superuser.tamper("UPDATE audit_entry SET action = 'SIGN_IN', hash = ? WHERE id = ?", forgedHash, ids.get(1));
            assertBrokenAt(ids.get(2), ChainReport.Problem.LINK_BROKEN);
        } finally {
            superuser.restore(List.of(original));
        }
        assertThat(verify(start, null).intact()).isTrue();
    }

    @Test
    void verification_catches_a_deleted_entry() {
        StoredRow original = superuser.row(ids.get(1));
        try {
            superuser.tamper("DELETE FROM audit_entry WHERE id = ?", ids.get(1));
            ChainReport report = assertBrokenAt(ids.get(2), ChainReport.Problem.LINK_BROKEN);
            assertThat(report.brokenLink().previousId()).isEqualTo(ids.get(0));
        } finally {
            superuser.restore(List.of(original));
        }
        assertThat(verify(start, null).intact()).isTrue();
    }

    @Test
    void verification_catches_two_swapped_entries() {
        StoredRow first = superuser.row(ids.get(1));
        StoredRow second = superuser.row(ids.get(2));
        try {
            superuser.restore(List.of(
                    withId(second, first.id()),
                    withId(first, second.id())));
            assertBrokenAt(ids.get(1), ChainReport.Problem.LINK_BROKEN);
        } finally {
            superuser.restore(List.of(first, second));
        }
        assertThat(verify(start, null).intact()).isTrue();
    }

    @Test
    void verification_catches_a_removed_newest_entry() {
        long newest = jdbc.queryForObject("SELECT max(id) FROM audit_entry", Long.class);
        StoredRow original = superuser.row(newest);
        ChainReport report;
        try {
            superuser.tamper("DELETE FROM audit_entry WHERE id = ?", newest);
            report = verify(start, null);
        } finally {
            superuser.restore(List.of(original));
        }
        assertThat(report.intact()).isFalse();
        assertThat(report.brokenLink().problem()).isEqualTo(ChainReport.Problem.NEWEST_ENTRY_MISSING);
        assertThat(report.brokenLink().entryId()).isEqualTo(newest);
        assertThat(verify(start, null).intact()).isTrue();
    }

    @Test
    void each_verification_is_itself_audited_with_what_it_found() {
        ChainReport report = verify(start, null);
        Map<String, Object> entry = jdbc.queryForMap("""
                SELECT actor, outcome, details ->> 'intact' AS intact, (details ->> 'entriesChecked')::bigint AS checked
                  FROM audit_entry WHERE action = 'AUDIT_VERIFY' ORDER BY id DESC LIMIT 1""");
        assertThat(entry).containsEntry("actor", "supervisor1").containsEntry("outcome", "SUCCESS")
                .containsEntry("intact", "true").containsEntry("checked", report.entriesChecked());
    }

    @Test
    void concurrent_writers_keep_one_unbroken_chain() throws Exception {
        Instant from = AuditFixtures.now();
        int writers = 6;
        int each = 20;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit((Callable<Integer>) () -> {
                TransactionTemplate tx = new TransactionTemplate(transactions);
                int committed = 0;
                for (int i = 0; i < each; i++) {
                    boolean rollBack = i % 5 == 4;
                    int step = i;
                    tx.executeWithoutResult(status -> {
                        events.publishEvent(AuditEvent.of(AuditAction.NOTIFICATION_DELIVERY, null,
                                AuditOutcome.SUCCESS, Map.of("writer", writer, "step", step)));
                        if (rollBack) {
                            status.setRollbackOnly();
                        }
                    });
                    committed += rollBack ? 0 : 1;
                }
                return committed;
            }));
        }
        int committed = 0;
        for (Future<Integer> writer : done) {
            committed += writer.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        ChainReport report = verify(from, null);
        assertThat(report.intact()).as("%s", report.brokenLink()).isTrue();
        assertThat(report.entriesChecked()).isGreaterThanOrEqualTo(committed);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM (SELECT prev_hash FROM audit_entry WHERE prev_hash IS NOT NULL
                                       GROUP BY prev_hash HAVING count(*) > 1) AS forks""", Integer.class)).isZero();
    }

    @Test
    @WithMockUser(username = "agent1", roles = "AGENT")
    void agents_may_not_verify_the_chain() {
        assertThatThrownBy(() -> integrity.start(null, null)).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("""
                SELECT details ->> 'operation' FROM audit_entry
                 WHERE action = 'ACCESS_DENIED' AND actor = 'agent1' ORDER BY id DESC LIMIT 1""", String.class))
                .isEqualTo("AuditIntegrity.start");
    }

    private ChainReport verify(Instant from, Instant to) {
        return AuditFixtures.await(integrity.start(from, to));
    }

    private ChainReport assertBrokenAt(long id, ChainReport.Problem problem) {
        ChainReport report = verify(start, null);
        assertThat(report.intact()).isFalse();
        assertThat(report.brokenLink().entryId()).isEqualTo(id);
        assertThat(report.brokenLink().problem()).isEqualTo(problem);
        return report;
    }

    private static StoredRow withId(StoredRow row, long id) {
        return new StoredRow(id, row.occurredAt(), row.actor(), row.actorRole(), row.clientAddress(), row.action(),
                row.accountId(), row.outcome(), row.details(), row.detailsText(), row.correlationId(),
                row.prevHash(), row.hash());
    }
}
