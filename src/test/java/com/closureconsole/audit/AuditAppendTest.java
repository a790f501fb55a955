package com.closureconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.closureconsole.ConsoleTest;
import com.closureconsole.closure.ClosureAction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appending takes no lock and the application's role cannot choose where an entry goes in the
 * ledger, nor jam the writers or the sealer. Every statement here runs as the application's role.
 */
@ConsoleTest
class AuditAppendTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    AuditLog log;
    @Autowired
    AuditSealer sealer;
    @Autowired
    AuditIntegrity integrity;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void the_application_role_cannot_send_an_id_a_time_or_a_ledger_field_and_the_database_gives_them() {
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("closure_app");
        long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_entry", Long.class);
        for (String forged : new String[] {
                "INSERT INTO audit_entry (id, actor, action, outcome, details_text) OVERRIDING SYSTEM VALUE"
                        + " VALUES (9223372036854775807, 'mallory', 'SIGN_IN', 'SUCCESS', '{}')",
                "INSERT INTO audit_entry (id, actor, action, outcome, details_text)"
                        + " VALUES (9223372036854775807, 'mallory', 'SIGN_IN', 'SUCCESS', '{}')",
                "INSERT INTO audit_entry (occurred_at, actor, action, outcome, details_text)"
                        + " VALUES (now(), 'mallory', 'SIGN_IN', 'SUCCESS', '{}')",
                "INSERT INTO audit_entry (occurred_at, actor, action, outcome, details_text)"
                        + " VALUES ('2000-01-01T00:00:00Z', 'mallory', 'SIGN_IN', 'SUCCESS', '{}')",
                "INSERT INTO audit_entry (actor, action, outcome, details_text, prev_hash)"
                        + " VALUES ('mallory', 'SIGN_IN', 'SUCCESS', '{}', repeat('a', 64))",
                "INSERT INTO audit_entry (actor, action, outcome, details_text, hash)"
                        + " VALUES ('mallory', 'SIGN_IN', 'SUCCESS', '{}', repeat('b', 64))",
                "INSERT INTO audit_entry (actor, action, outcome, details_text, details, prev_hash)"
                        + " VALUES ('mallory', 'SIGN_IN', 'SUCCESS', '{}', '{}', repeat('a', 64))"}) {
            assertThatThrownBy(() -> jdbc.update(forged)).as(forged).isInstanceOf(DataAccessException.class)
                    .hasStackTraceContaining("permission denied for table audit_entry");
        }
        for (String forged : new String[] {
                "INSERT INTO audit_entry (actor, action, outcome, details_text, details)"
                        + " VALUES ('mallory', 'SIGN_IN', 'SUCCESS', '{}', '{\"forged\": true}')",
                "INSERT INTO audit_entry (actor, action, outcome, details_text, details)"
                        + " VALUES ('mallory', 'SIGN_IN', 'SUCCESS', '{\"said\": 1}', '{}')"}) {
            assertThatThrownBy(() -> jdbc.update(forged)).as("details other than the text: " + forged)
                    .isInstanceOf(DataAccessException.class).hasStackTraceContaining("audit_entry_details_as_written");
        }
        assertThatThrownBy(() -> jdbc.update("INSERT INTO audit_entry (actor, action, outcome, details_text)"
                + " VALUES ('mallory', 'SIGN_IN', 'SUCCESS', '{}')")).as("details left out")
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("details");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE id > ? AND actor = 'mallory'", Integer.class,
                before)).as("nothing written").isZero();

        Long id = jdbc.queryForObject("""
                INSERT INTO audit_entry (actor, action, outcome, details_text, details)
                VALUES ('mallory', 'SIGN_IN', 'SUCCESS', '{"said": "only what happened"}', '{"said": "only what happened"}')
                RETURNING id""", Long.class);
        Map<String, Object> row = jdbc.queryForMap("""
                SELECT occurred_at > now() - interval '1 minute' AND occurred_at <= clock_timestamp() AS now_ish,
                       prev_hash, hash, details ->> 'said' AS details
                  FROM audit_entry WHERE id = ?""", id);
        assertThat(id).isGreaterThan(before);
        assertThat(row).containsEntry("now_ish", true).containsEntry("prev_hash", null).containsEntry("hash", null)
                .containsEntry("details", "only what happened");
        long next = AuditFixtures.write(log, "supervisor1", SignInAction.SIGN_IN, null, AuditOutcome.SUCCESS, Map.of(), null);
        assertThat(next).isGreaterThan(id);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_unsealed WHERE entry_id IN (?, ?)", Integer.class, id, next))
                .as("both still to seal").isEqualTo(2);
    }

    @Test
    void the_application_role_cannot_write_or_lock_anything_of_the_ledger() {
        long id = AuditFixtures.write(log, "supervisor1", SignInAction.SIGN_IN, null, AuditOutcome.SUCCESS, Map.of(), null);
        for (String sql : new String[] {
                "UPDATE audit_entry SET actor = 'mallory' WHERE id = " + id,
                "DELETE FROM audit_entry WHERE id = " + id,
                "DELETE FROM audit_unsealed",
                "INSERT INTO audit_unsealed VALUES (1)",
                "INSERT INTO audit_block VALUES (999999, now(), 1, 1, 1, repeat('a', 64), NULL, repeat('a', 64), 'x', 'k')",
                "INSERT INTO audit_entry_seal VALUES (" + id + ", 1, 0, repeat('a', 64))",
                "UPDATE audit_sealer SET last_block_no = 9223372036854775807",
                "DELETE FROM audit_digest_pending",
                "SELECT * FROM audit_sealer FOR UPDATE",
                "SELECT * FROM audit_unsealed FOR UPDATE",
                "LOCK TABLE audit_entry IN SHARE MODE",
                "LOCK TABLE audit_sealer IN EXCLUSIVE MODE",
                "SELECT setval('audit_entry_id_seq', 9223372036854775806)",
                "ALTER SEQUENCE audit_entry_id_seq RESTART WITH 9223372036854775806",
                "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_delete",
                "ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_details_as_written",
                "ALTER TABLE audit_entry ALTER COLUMN id SET DEFAULT 9223372036854775807",
                "ALTER TABLE audit_entry ALTER COLUMN occurred_at SET DEFAULT '2000-01-01T00:00:00Z'"}) {
            assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> jdbc.execute(sql)))
                    .as(sql).isInstanceOf(DataAccessException.class)
                    .satisfies(e -> assertThat(((DataAccessException) e).getMostSpecificCause().getMessage())
                            .containsAnyOf("permission denied", "must be owner"));
        }
    }

    @Test
    void an_open_transaction_or_an_advisory_lock_of_the_app_role_holds_up_no_writer_and_not_the_sealer() throws Exception {
        sealer.sealCommitted(Duration.ofSeconds(10));
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            JdbcTemplate held = new JdbcTemplate(new SingleConnectionDataSource(holder, true));
            // The old chain's lock key, held for the session, and an entry left uncommitted.
            held.queryForObject("SELECT pg_advisory_lock(418581342580)::text", String.class);
            long pending = held.queryForObject("""
                    INSERT INTO audit_entry (actor, action, outcome, details_text, details)
                    VALUES ('slow', 'SIGN_IN', 'SUCCESS', '{}', '{}') RETURNING id""", Long.class);

            long other = CompletableFuture.supplyAsync(() -> AuditFixtures.write(log, "supervisor1", SignInAction.SIGN_IN,
                    null, AuditOutcome.SUCCESS, Map.of("while", "another holds a transaction open"), null))
                    .get(5, TimeUnit.SECONDS);
            assertThat(other).isGreaterThan(pending);
            assertThat(CompletableFuture.supplyAsync(() -> sealer.sealCommitted(Duration.ofSeconds(5))).get(10, TimeUnit.SECONDS))
                    .isTrue();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry_seal WHERE entry_id = ?", Integer.class, other))
                    .as("sealed although a lower id is still uncommitted").isOne();

            holder.commit();
            held.queryForObject("SELECT pg_advisory_unlock(418581342580)::text", String.class);
            assertThat(sealer.sealCommitted(Duration.ofSeconds(5))).isTrue();
            assertThat(jdbc.queryForObject("SELECT block_no FROM audit_entry_seal WHERE entry_id = ?", Long.class, pending))
                    .as("the late commit is sealed by a later block")
                    .isGreaterThan(jdbc.queryForObject("SELECT block_no FROM audit_entry_seal WHERE entry_id = ?", Long.class, other));
        }
    }

    @Test
    void an_entry_committing_late_is_sealed_at_once_although_an_older_transaction_stays_open() throws Exception {
        sealer.sealCommitted(Duration.ofSeconds(10));
        try (Connection oldest = dataSource.getConnection(); Connection later = dataSource.getConnection()) {
            oldest.setAutoCommit(false);
            later.setAutoCommit(false);
            long stuck = pendingEntry(oldest, "stuck");
            long late = pendingEntry(later, "late");
            long committed = AuditFixtures.write(log, "supervisor1", SignInAction.SIGN_IN, null, AuditOutcome.SUCCESS,
                    Map.of(), null);
            assertThat(sealer.sealCommitted(Duration.ofSeconds(5))).isTrue();
            assertThat(sealedBlock(committed)).as("sealed past both open transactions").isNotNull();

            later.commit();
            assertThat(sealer.sealCommitted(Duration.ofSeconds(5))).as("the late entry found again").isTrue();
            assertThat(sealedBlock(late)).as("sealed while the oldest is still open").isGreaterThan(sealedBlock(committed));
            assertThat(jdbc.queryForObject("SELECT sealed_through FROM audit_sealer", Long.class))
                    .as("nothing at or above the open entry counts as sealed through").isLessThan(stuck);

            oldest.commit();
            assertThat(sealer.sealCommitted(Duration.ofSeconds(5))).isTrue();
            assertThat(sealedBlock(stuck)).isGreaterThan(sealedBlock(late));
            // Other transactions of the console seen running may still end first.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (jdbc.queryForObject("SELECT sealed_through FROM audit_sealer", Long.class) < committed
                    && System.nanoTime() < deadline) {
                sealer.sealPending();
                Thread.sleep(20);
            }
            assertThat(jdbc.queryForObject("SELECT sealed_through FROM audit_sealer", Long.class))
                    .as("with the open transactions ended, everything sealed counts").isGreaterThanOrEqualTo(committed);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry_seal WHERE entry_id IN (?, ?, ?)", Integer.class,
                    stuck, late, committed)).as("each sealed exactly once").isEqualTo(3);
        }
    }

    private static long pendingEntry(Connection connection, String actor) {
        return new JdbcTemplate(new SingleConnectionDataSource(connection, true)).queryForObject("""
                INSERT INTO audit_entry (actor, action, outcome, details_text, details)
                VALUES (?, 'SIGN_IN', 'SUCCESS', '{}', '{}') RETURNING id""", Long.class, actor);
    }

    private @org.jspecify.annotations.Nullable Long sealedBlock(long entryId) {
        return jdbc.queryForList("SELECT block_no FROM audit_entry_seal WHERE entry_id = ?", Long.class, entryId)
                .stream().findFirst().orElse(null);
    }

    @Test
    @WithMockUser(username = "agent1", roles = "AGENT")
    void agents_may_not_verify_the_ledger_and_the_attempt_is_recorded() {
        assertThatThrownBy(() -> integrity.start(null, null)).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("""
                SELECT details ->> 'operation' FROM audit_entry
                 WHERE action = 'ACCESS_DENIED' AND actor = 'agent1' ORDER BY id DESC LIMIT 1""", String.class))
                .isEqualTo("AuditIntegrity.start");
    }

    @Test
    void an_entry_commits_and_rolls_back_with_its_action() {
        String account = AuditFixtures.newAccountId();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            events.publishEvent(AuditEvent.of(ClosureAction.CLOSURE_SUBMIT, account, AuditOutcome.SUCCESS, Map.of("n", 1)));
            status.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE account_id = ?", Integer.class, account)).isZero();
        tx.executeWithoutResult(status ->
                events.publishEvent(AuditEvent.of(ClosureAction.CLOSURE_SUBMIT, account, AuditOutcome.SUCCESS, Map.of("n", 2))));
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM audit_entry e JOIN audit_unsealed u ON u.entry_id = e.id WHERE account_id = ?
                """, Integer.class, account) + jdbc.queryForObject("""
                SELECT count(*) FROM audit_entry e JOIN audit_entry_seal s ON s.entry_id = e.id WHERE account_id = ?
                """, Integer.class, account)).isOne();
    }
}
