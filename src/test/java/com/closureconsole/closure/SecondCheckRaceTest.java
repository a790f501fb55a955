package com.closureconsole.closure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.closureconsole.ConsoleTest;
import com.closureconsole.DatabaseActivity;
import com.closureconsole.TestAccounts;
import com.closureconsole.closure.conditions.ConditionCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A wallet credit or a new agreement that races the submission's second check: either the
 * submission waits for it and sees it, or it waits for the submission. The wallet's writer runs
 * on its own connection, as the wallet's ledger would.
 */
@ConsoleTest
@WithMockUser(username = "agent1", roles = "AGENT")
class SecondCheckRaceTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Autowired
    FlowSteps flowSteps;

    @Autowired
    ClosureSubmission submissions;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    @Test
    void a_credit_that_holds_the_wallet_when_the_submission_reads_it_is_waited_for_and_refuses_the_closure()
            throws Exception {
        String id = accounts.closable();
        var agent = SecurityContextHolder.getContext().getAuthentication();
        Future<SubmissionResult> submission;
        try (Connection ledger = dataSource.getConnection()) {
            ledger.setAutoCommit(false);
            execute(ledger, "UPDATE wallet SET balance = balance + 5.00 WHERE account_id = ?", id);

            submission = pool.submit(() -> {
                SecurityContextHolder.getContext().setAuthentication(agent);
                return submissions.submit(WalkedFlow.walked(flowSteps, id));
            });
            DatabaseActivity.awaitLockWait(jdbc, "FROM wallet WHERE account_id", WAIT);
            assertThat(submission.isDone()).isFalse();
            ledger.commit();
        }

        SubmissionResult result = submission.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(result).isInstanceOf(SubmissionResult.Refused.class);
        assertThat(((SubmissionResult.Refused) result).report().blockingCodes()).containsExactly(ConditionCode.BALANCE_NOT_ZERO);
        assertThat(jdbc.queryForObject("SELECT status FROM account WHERE id = ?", String.class, id)).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM closure_request WHERE account_id = ?", Integer.class, id)).isZero();
    }

    @Test
    void while_a_submission_is_open_its_wallet_and_blockers_cannot_change_and_a_credit_waits_for_it() throws Exception {
        String id = accounts.closable();
        Future<Boolean> credit = transactions.execute(status -> {
            var result = submissions.submit(WalkedFlow.walked(flowSteps, id));
            assertThat(result).isInstanceOf(SubmissionResult.Submitted.class);

            assertThatThrownBy(() -> withLockTimeout("UPDATE wallet SET balance = balance + 5.00 WHERE account_id = ?", id))
                    .hasMessageContaining("lock timeout");
            assertThatThrownBy(() -> withLockTimeout("""
                    INSERT INTO withholding_agreement (account_id, kind, merchant_name, status, signed_at)
                    VALUES (?, 'GENERAL', '水电公司', 'ACTIVE', now())""", id))
                    .hasMessageContaining("lock timeout");
            Future<Boolean> waiting = pool.submit(() -> creditIfActive(id));
            try {
                DatabaseActivity.awaitLockWait(jdbc, "FROM account WHERE id", WAIT);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } catch (AssertionError notWaiting) {
                // Say what the credit did instead of waiting: finished, failed, or still on its way.
                throw new AssertionError(notWaiting.getMessage() + "; the credit " + outcome(waiting)
                        + "; sessions: " + jdbc.queryForList("SELECT state || ' ' || coalesce(wait_event_type, '-') || ' '"
                        + " || left(query, 80) FROM pg_stat_activity WHERE datname = current_database()", String.class));
            }
            assertThat(waiting.isDone()).isFalse();
            return waiting;
        });

        assertThat(credit.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as("credited after the closure committed").isFalse();
        assertThat(jdbc.queryForObject("SELECT status FROM account WHERE id = ?", String.class, id)).isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("SELECT balance FROM wallet WHERE account_id = ?", String.class, id)).isEqualTo("0.00");
        assertThat(jdbc.queryForList("SELECT id FROM withholding_agreement WHERE account_id = ?", Long.class, id)).isEmpty();
    }

    private static String outcome(Future<Boolean> credit) {
        if (!credit.isDone()) {
            return "has not waited on the account yet";
        }
        try {
            return "finished with " + credit.get();
        } catch (Exception e) {
            return "failed: " + e;
        }
    }

    /** The ledger's credit: the account row first (key share), then the wallet, only while the account is usable. */
    private boolean creditIfActive(String accountId) throws SQLException {
        try (Connection ledger = dataSource.getConnection()) {
            ledger.setAutoCommit(false);
            try (PreparedStatement lock = ledger.prepareStatement("SELECT status FROM account WHERE id = ? FOR KEY SHARE")) {
                lock.setString(1, accountId);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next() || !"ACTIVE".equals(rs.getString(1))) {
                        ledger.rollback();
                        return false;
                    }
                }
            }
            execute(ledger, "UPDATE wallet SET balance = balance + 5.00 WHERE account_id = ?", accountId);
            ledger.commit();
            return true;
        }
    }

    private void withLockTimeout(String sql, String accountId) throws SQLException {
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try {
                execute(other, "SET LOCAL lock_timeout = '300ms'");
                execute(other, sql, accountId);
            } finally {
                other.rollback();
            }
        }
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

}
