package com.closureconsole.closure;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.ConcurrencyFailureException;

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

    /**
     * The failure as a code: the class names of its causes and any SQLState, never a message (a
     * message may quote personal data), e.g. {@code DataIntegrityViolationException>PSQLException[23514]}.
     */
    static String code(Throwable failure) {
        List<String> names = new ArrayList<>();
        for (Throwable t = failure; t != null && names.size() < 4; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                name += "[" + sql.getSQLState() + "]";
            }
            if (names.isEmpty() || !names.get(names.size() - 1).equals(name)) {
                names.add(name);
            }
        }
        return String.join(">", names);
    }
}
