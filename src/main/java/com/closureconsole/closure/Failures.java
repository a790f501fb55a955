package com.closureconsole.closure;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import com.closureconsole.audit.ErrorCodes;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Tells a failure worth an immediate retry from others, and names a failure by a code. */
final class Failures {

    private Failures() {
    }

    /**
     * A deadlock, a serialisation failure or a lock that could not be had (SQLState 40P01, 40001,
     * 55P03; Spring's {@code PessimisticLockingFailureException}, {@code CannotAcquireLockException}
     * and optimistic-lock failures): the same work can succeed when tried again.
     */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyFailureException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && List.of("40P01", "40001", "55P03").contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The failure as a code, as the audit trail records errors ({@link ErrorCodes}). */
    static String code(Throwable failure) {
        return ErrorCodes.of(failure);
    }

    /**
     * The database could not be reached: no connection could be had, or the connection broke
     * (SQLState classes 08 and 57P, Spring's {@code CannotCreateTransactionException} and
     * {@code DataAccessResourceFailureException}, JDBC's transient-connection and recoverable
     * exceptions, or the pool's "Connection is closed" when a rollback meets the connection the
     * failure closed). Nothing the request is to blame for, so it counts as no attempt.
     */
    static boolean isDatabaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = t instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
                    || state.startsWith("08") || state.startsWith("57P")
                    || t instanceof SQLException && state.isEmpty() && "Connection is closed".equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
