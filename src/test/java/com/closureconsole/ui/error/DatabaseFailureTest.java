package com.closureconsole.ui.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseFailureTest {

    private static final SQLException CONNECTION_LOST = new SQLException("An I/O error occurred while sending to the backend.", "08006");

    @Test
    void a_connection_lost_during_the_commit_means_the_outcome_is_not_known() {
        TransactionSystemException commit = new TransactionSystemException("Could not commit JPA transaction", CONNECTION_LOST);
        assertThat(DatabaseFailure.of(commit)).contains(DatabaseFailure.OUTCOME_UNKNOWN);
        assertThat(UnexpectedErrorHandler.messageKey(commit)).isEqualTo("error.database.uncertain");
    }

    @Test
    void a_connection_lost_before_the_commit_or_never_made_saved_nothing() {
        assertThat(DatabaseFailure.of(new RuntimeException(CONNECTION_LOST))).contains(DatabaseFailure.UNAVAILABLE);
        assertThat(DatabaseFailure.of(new CannotCreateTransactionException("no connection")))
                .contains(DatabaseFailure.UNAVAILABLE);
        assertThat(DatabaseFailure.of(new SQLException("terminating connection due to administrator command", "57P01")))
                .contains(DatabaseFailure.UNAVAILABLE);
    }

    @Test
    void lock_and_statement_time_outs_are_told_apart() {
        assertThat(DatabaseFailure.of(new CannotAcquireLockException("lock timeout"))).contains(DatabaseFailure.BUSY);
        assertThat(DatabaseFailure.of(new SQLException("canceling statement due to lock timeout", "55P03")))
                .contains(DatabaseFailure.BUSY);
        assertThat(DatabaseFailure.of(new QueryTimeoutException("statement timeout"))).contains(DatabaseFailure.TOO_SLOW);
    }

    @Test
    void other_errors_are_not_database_failures() {
        assertThat(DatabaseFailure.of(new IllegalStateException("bug"))).isEmpty();
        assertThat(DatabaseFailure.of(new SQLException("duplicate key", "23505"))).isEmpty();
        assertThat(UnexpectedErrorHandler.messageKey(new IllegalStateException("bug"))).isEqualTo("error.unexpected.message");
    }
}
