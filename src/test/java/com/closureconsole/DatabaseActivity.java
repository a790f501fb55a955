package com.closureconsole;

import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the other sessions of the test database are doing, read from {@code pg_stat_activity} and
 * {@code pg_locks}: who waits for a lock, who sits idle inside a transaction, who holds the audit
 * chain's advisory lock.
 */
public final class DatabaseActivity {

    private DatabaseActivity() {
    }

    /** Waits until another session waits for a lock, whatever it runs. */
    public static void awaitAnyLockWait(JdbcTemplate jdbc, Duration timeout) throws InterruptedException {
        awaitLockWait(jdbc, "", timeout);
    }

    /** Waits until another session waits for a lock while running a statement that contains {@code fragment}. */
    public static void awaitLockWait(JdbcTemplate jdbc, String fragment, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!lockWaits(jdbc, fragment).isEmpty()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no session waited for a lock running a statement with \"" + fragment + "\"; the other sessions: "
                + jdbc.queryForList("SELECT state || ' ' || coalesce(wait_event_type, '-') || ' ' || left(query, 90) FROM pg_stat_activity WHERE datname IS NOT NULL AND pid <> pg_backend_pid()", String.class));
    }

    /** The statements of other sessions waiting for a lock that contain {@code fragment}. */
    public static List<String> lockWaits(JdbcTemplate jdbc, String fragment) {
        // Inside a transaction PostgreSQL keeps the first look at pg_stat_activity; clear it to see what is happening now.
        jdbc.execute("SELECT pg_stat_clear_snapshot()");
        return jdbc.queryForList("""
                SELECT query FROM pg_stat_activity
                 WHERE pid <> pg_backend_pid() AND wait_event_type = 'Lock' AND position(? IN query) > 0""",
                String.class, fragment);
    }

    /** The last statements of other sessions of this database that sit inside an open transaction doing nothing. */
    public static List<String> idleInTransaction(JdbcTemplate jdbc) {
        jdbc.execute("SELECT pg_stat_clear_snapshot()");
        return jdbc.queryForList("""
                SELECT state || ': ' || query FROM pg_stat_activity
                 WHERE pid <> pg_backend_pid() AND datname = current_database() AND state LIKE 'idle in transaction%'""",
                String.class);
    }

    /** Sessions other than this one holding an advisory lock (the audit chain's lock is one). */
    public static int advisoryLocksHeld(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()""",
                Integer.class);
    }

    /** Locks other sessions hold on {@code table} (any mode, granted or awaited). */
    public static int locksOn(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM pg_locks WHERE relation = to_regclass(?) AND pid <> pg_backend_pid()""",
                Integer.class, table);
    }
}
