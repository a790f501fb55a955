package com.closureconsole.audit;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An export or a verification reads the whole trail in one statement, for longer than the
 * statement time-out that protects agents' requests (and, while a download is slow, sits idle in
 * its transaction): inside that one read-only transaction both limits are lifted. It runs on an
 * audit job thread, never on a request thread.
 */
final class AuditLongRead {

    private AuditLongRead() {
    }

    /** Lifts the limits for the current transaction; answers the template to read with. */
    static JdbcTemplate allow(JdbcTemplate jdbc) {
        jdbc.execute("SET LOCAL statement_timeout = 0");
        jdbc.execute("SET LOCAL idle_in_transaction_session_timeout = 0");
        return jdbc;
    }
}
