package com.closureconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.closureconsole.ConsoleTest;
import com.closureconsole.account.AccountAction;
import com.closureconsole.account.PersonalDataRevealRefused;
import com.closureconsole.account.PersonalDataRevealed;
import com.closureconsole.account.RevealReason;
import com.closureconsole.closure.ClosureAction;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Every action leaves exactly one entry, in the action's own transaction. */
@ConsoleTest
class AuditRecordingTest {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbeddedPostgres postgres;

    @Test
    @WithMockUser(username = "agent1", roles = "AGENT")
    void a_committed_action_leaves_an_entry_with_every_field() {
        String account = AuditFixtures.newAccountId();
        UUID closure = UUID.randomUUID();
        Instant before = AuditFixtures.now();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("blockers", List.of(Map.of("code", "BALANCE_NOT_ZERO", "balance", new BigDecimal("12.50"))));
        details.put("reasonCode", "NO_LONGER_NEEDED");

        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(
                new AuditEvent(ClosureAction.ELIGIBILITY_CHECK, account, AuditOutcome.BLOCKED, details, closure)));

        Map<String, Object> row = jdbc.queryForMap("""
                SELECT actor, actor_role, action, outcome, correlation_id, occurred_at, prev_hash, hash,
                       details -> 'blockers' -> 0 ->> 'balance' AS balance, details ->> 'reasonCode' AS reason
                  FROM audit_entry WHERE account_id = ?""", account);
        assertThat(row).containsEntry("actor", "agent1").containsEntry("actor_role", "AGENT")
                .containsEntry("action", "ELIGIBILITY_CHECK").containsEntry("outcome", "BLOCKED")
                .containsEntry("correlation_id", closure).containsEntry("balance", "12.50")
                .containsEntry("reason", "NO_LONGER_NEEDED");
        // Entries of the ledger carry no chain hash: the sealer seals them into a signed block.
        assertThat(row.get("hash")).isNull();
        assertThat(row.get("prev_hash")).isNull();
        Instant occurredAt = ((java.sql.Timestamp) row.get("occurred_at")).toInstant();
        assertThat(occurredAt).isBetween(before, AuditFixtures.now());
    }

    @Test
    void an_action_that_fails_leaves_no_entry() {
        String account = AuditFixtures.newAccountId();
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(AuditEvent.of(ClosureAction.CLOSURE_SUBMIT, account, AuditOutcome.SUCCESS, Map.of()));
            throw new IllegalStateException("the second check found a new blocker");
        })).hasMessageContaining("second check");

        assertThat(entriesFor(account)).isZero();
    }

    @Test
    void an_action_rolled_back_without_an_exception_leaves_no_entry_either() {
        String account = AuditFixtures.newAccountId();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(AuditEvent.of(ClosureAction.CLOSURE_APPROVE, account, AuditOutcome.SUCCESS, Map.of()));
            assertThat(entriesFor(account)).as("visible inside the action's transaction").isOne();
            status.setRollbackOnly();
        });
        assertThat(entriesFor(account)).isZero();
    }

    @Test
    void an_action_outside_any_transaction_is_recorded_by_the_system() {
        String account = AuditFixtures.newAccountId();
        events.publishEvent(AuditEvent.of(ClosureAction.CLOSURE_COMPLETE, account, AuditOutcome.SUCCESS, Map.of()));
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_entry WHERE account_id = ?", String.class, account))
                .isEqualTo("system");
    }

    @Test
    void a_read_only_transaction_still_gets_its_entry() {
        String account = AuditFixtures.newAccountId();
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> events.publishEvent(
                AuditEvent.of(AccountAction.ACCOUNT_VIEW, account, AuditOutcome.SUCCESS, Map.of())));
        assertThat(entriesFor(account)).isOne();
    }

    @Test
    void a_denial_stays_recorded_when_the_refused_callers_transaction_rolls_back() {
        String account = AuditFixtures.newAccountId();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(AuditEvent.of(ClosureAction.CLOSURE_APPROVE, account, AuditOutcome.DENIED,
                    Map.of("rule", "approver must not be the initiator")));
            status.setRollbackOnly();
        });
        assertThat(entriesFor(account)).isOne();
    }

    @Test
    @WithMockUser(username = "agent1", roles = "AGENT")
    void a_modules_own_fact_is_recorded_with_the_modules_action_name_and_only_when_its_transaction_commits() {
        String kept = AuditFixtures.newAccountId();
        String rolledBack = AuditFixtures.newAccountId();
        new TransactionTemplate(transactions).executeWithoutResult(status ->
                events.publishEvent(new PersonalDataRevealed(kept, RevealReason.CUSTOMER_REQUEST)));
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(new PersonalDataRevealed(rolledBack, RevealReason.CUSTOMER_REQUEST));
            status.setRollbackOnly();
        });

        assertThat(jdbc.queryForObject("SELECT action || ' ' || outcome || ' ' || details_text FROM audit_entry WHERE account_id = ?",
                String.class, kept))
                .isEqualTo("PERSONAL_DATA_REVEAL SUCCESS {\"fields\":[\"name\",\"phone\",\"email\"],\"reason\":\"CUSTOMER_REQUEST\"}");
        assertThat(entriesFor(rolledBack)).isZero();
    }

    @Test
    @WithMockUser(username = "agent1", roles = "AGENT")
    void a_refused_attempt_stays_recorded_when_the_attempts_transaction_rolls_back() {
        String account = AuditFixtures.newAccountId();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(new PersonalDataRevealRefused(account));
            status.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("SELECT outcome || ' ' || details_text FROM audit_entry WHERE account_id = ?",
                String.class, account)).isEqualTo("FAILURE {\"refused\":\"REASON_REQUIRED\"}");
    }

    @Test
    void a_fact_that_cannot_be_recorded_fails_its_action_and_leaves_nothing() {
        String account = AuditFixtures.newAccountId();
        // An account id longer than the trail's column: the entry cannot be written.
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.update("INSERT INTO staff_user (username, display_name, role) VALUES (?, 'x', 'AGENT')", "t" + account);
            events.publishEvent(new PersonalDataRevealed(account + "-too-long", RevealReason.CUSTOMER_REQUEST));
        })).isInstanceOf(DataAccessException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM staff_user WHERE username = ?", Integer.class, "t" + account))
                .as("the action's own write rolled back with it").isZero();
    }

    @Test
    void personal_data_in_the_details_is_masked_but_business_names_stay() {
        String account = AuditFixtures.newAccountId();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("query", "+86 138 0013 8001");
        details.put("phone", "+8613800138001");
        details.put("email", "zhang.wei@example.com");
        details.put("name", "张伟");
        details.put("notifiedAt", "13800138001");
        details.put("merchantName", "杭州市水务集团");
        events.publishEvent(AuditEvent.of(AccountAction.ACCOUNT_SEARCH, account, AuditOutcome.SUCCESS, details));

        String stored = jdbc.queryForObject("SELECT details_text FROM audit_entry WHERE account_id = ?",
                String.class, account);
        assertThat(stored).doesNotContain("0013", "00138001", "zhang.wei", "张伟")
                .contains("\"phone\":\"138****8001\"", "\"email\":\"z***@example.com\"", "\"name\":\"*伟\"",
                        "\"notifiedAt\":\"138****8001\"", "\"merchantName\":\"杭州市水务集团\"");
    }

    @Test
    void details_keep_the_publishers_order_and_exact_figures() {
        String account = AuditFixtures.newAccountId();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("zeta", 1);
        details.put("balance", new BigDecimal("12.50"));
        details.put("a", null);
        events.publishEvent(AuditEvent.of(ClosureAction.ELIGIBILITY_CHECK, account, AuditOutcome.BLOCKED, details));

        assertThat(jdbc.queryForObject("SELECT details_text FROM audit_entry WHERE account_id = ?",
                String.class, account)).isEqualTo("{\"zeta\":1,\"balance\":12.50,\"a\":null}");
    }

    @Test
    void the_application_role_may_not_change_or_remove_entries() {
        events.publishEvent(AuditEvent.of(AccountAction.ACCOUNT_VIEW, AuditFixtures.newAccountId(), AuditOutcome.SUCCESS, Map.of()));
        long id = jdbc.queryForObject("SELECT max(id) FROM audit_entry", Long.class);
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_entry SET actor = 'mallory' WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_entry WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_entry"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_chain_head SET last_id = last_id + 1"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void even_the_owner_cannot_change_entries_while_the_triggers_stand() {
        events.publishEvent(AuditEvent.of(AccountAction.ACCOUNT_VIEW, AuditFixtures.newAccountId(), AuditOutcome.SUCCESS, Map.of()));
        JdbcTemplate owner = new JdbcTemplate(postgres.getPostgresDatabase());
        long id = owner.queryForObject("SELECT max(id) FROM audit_entry", Long.class);
        assertThatThrownBy(() -> owner.update("UPDATE audit_entry SET actor = 'mallory' WHERE id = ?", id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.update("DELETE FROM audit_entry WHERE id = ?", id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.update("UPDATE audit_block SET entry_count = entry_count + 1"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.update("DELETE FROM audit_entry_seal"))
                .hasMessageContaining("append-only");
    }

    @Test
    void chain_fields_and_a_time_a_caller_sends_are_refused_and_the_database_leaves_them_empty() {
        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO audit_entry (actor, action, outcome, details_text, prev_hash, hash)
                VALUES ('mallory', 'SIGN_IN', 'SUCCESS', '{}', repeat('0', 64), repeat('1', 64))"""))
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO audit_entry (occurred_at, actor, action, outcome, details_text)
                VALUES (?, 'mallory', 'SIGN_IN', 'SUCCESS', '{}')""",
                // A time earlier in this month: the partition would take it, the rights do not.
                OffsetDateTime.now(java.time.ZoneOffset.UTC).withDayOfMonth(1).toLocalDate()
                        .atStartOfDay().atOffset(java.time.ZoneOffset.UTC)))
                .hasStackTraceContaining("permission denied");
        long id = jdbc.queryForObject("""
                INSERT INTO audit_entry (actor, action, outcome, details_text, details)
                VALUES ('mallory', 'SIGN_IN', 'SUCCESS', '{}', '{}') RETURNING id""", Long.class);
        assertThat(jdbc.queryForMap("SELECT prev_hash, hash, occurred_at > now() - interval '1 minute' AS now_ish"
                + " FROM audit_entry WHERE id = ?", id))
                .containsEntry("prev_hash", null).containsEntry("hash", null).containsEntry("now_ish", true);
    }

    private int entriesFor(String account) {
        return jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE account_id = ?", Integer.class, account);
    }
}
