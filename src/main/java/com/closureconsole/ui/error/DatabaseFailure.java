package com.closureconsole.ui.error;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * What a failure of the database means for the user who was acting: the database did not answer
 * and nothing was saved; it stopped answering while committing, so whether it was saved is not
 * known; or a lock or statement time-out ended the action, which saved nothing. Each is told in
 * the user's language ({@link #messageKey()}), never as a technical error.
 */
enum DatabaseFailure {

    /** The database could not be reached, or the connection broke before the commit: nothing was saved. */
    UNAVAILABLE("error.database.unavailable"),
    /** The connection broke during the commit: the action may or may not have been saved. */
    OUTCOME_UNKNOWN("error.database.uncertain"),
    /** Someone else holds what the action needed for longer than the lock time-out: nothing was saved. */
    BUSY("error.database.busy"),
    /** The statement ran past its time-out: nothing was saved. */
    TOO_SLOW("error.database.timeout");

    private final String messageKey;

    DatabaseFailure(String messageKey) {
        this.messageKey = messageKey;
    }

    /** The translation key of the message; it takes the reference to quote as {@code {0}}. */
    String messageKey() {
        return messageKey;
    }

    /** The database failure behind an error, if that is what it is. */
    static Optional<DatabaseFailure> of(Throwable error) {
        boolean duringCommit = false;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TransactionSystemException) {
                duringCommit = true;
            }
            if (t instanceof PessimisticLockingFailureException || sqlState(t).equals("55P03")) {
                return Optional.of(BUSY);
            }
            if (t instanceof QueryTimeoutException || sqlState(t).equals("57014")) {
                return Optional.of(TOO_SLOW);
            }
            if (t instanceof CannotCreateTransactionException) {
                return Optional.of(UNAVAILABLE);
            }
            if (connectionLost(t)) {
                return Optional.of(duringCommit ? OUTCOME_UNKNOWN : UNAVAILABLE);
            }
        }
        return Optional.empty();
    }

    private static boolean connectionLost(Throwable t) {
        String state = sqlState(t);
        return t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException
                || t instanceof SQLRecoverableException
                // 08: connection exception; 57P01-57P03: the server is shutting down, crashed or starting
                || state.startsWith("08") || state.startsWith("57P")
                // The pool's answer (with no SQL state) when a rollback meets the connection the failure closed;
                // a transaction that could not even roll back was not committed.
                || t instanceof SQLException && state.isEmpty() && "Connection is closed".equals(t.getMessage());
    }

    private static String sqlState(Throwable t) {
        return t instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
    }
}
