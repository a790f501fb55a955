package com.closureconsole.audit;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * How the trail records an error: as a code made of the class names of its causes and any
 * SQLState, never a message (a message may quote an address, a phone number or a name), e.g.
 * {@code DataIntegrityViolationException>PSQLException[23514]}.
 */
public final class ErrorCodes {

    private ErrorCodes() {
    }

    public static String of(Throwable failure) {
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
