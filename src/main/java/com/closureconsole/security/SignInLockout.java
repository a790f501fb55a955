package com.closureconsole.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Locks a staff user after {@code closure.security.max-failed-sign-ins} wrong passwords within
 * {@code closure.security.failure-window}, for {@code closure.security.lock-duration}; a
 * successful sign-in clears the count. Each failure is counted by one UPDATE that PostgreSQL
 * applies to the newest row version, so wrong passwords sent at once on several nodes or threads
 * are all counted; a user who is locked collects no further failures (the lock does not grow).
 */
@Component
class SignInLockout {

    /** The window starts afresh at the first failure, after a lock has run out, or once the last window closed. */
    private static final String FRESH_WINDOW = "(first_failed_at IS NULL OR locked_until IS NOT NULL OR first_failed_at <= ?)";

    private static final String COUNT_FAILURE = """
            UPDATE staff_user SET
                   failed_sign_ins = CASE WHEN %1$s THEN 1 ELSE failed_sign_ins + 1 END,
                   first_failed_at = CASE WHEN %1$s THEN ? ELSE first_failed_at END,
                   locked_until    = CASE WHEN (CASE WHEN %1$s THEN 1 ELSE failed_sign_ins + 1 END) >= ? THEN ? END
             WHERE username = ? AND (locked_until IS NULL OR locked_until <= ?)
            RETURNING locked_until IS NOT NULL""".formatted(FRESH_WINDOW);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Duration lockFor;

    SignInLockout(JdbcTemplate jdbc, Clock clock,
                  @Value("${closure.security.max-failed-sign-ins:5}") int maxFailures,
                  @Value("${closure.security.failure-window:15m}") Duration window,
                  @Value("${closure.security.lock-duration:15m}") Duration lockFor) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockFor = lockFor;
    }

    /**
     * Counts a wrong password for {@code username} (already normalised). Answers whether this
     * failure locked the user; a user who does not exist or is already locked is left as is.
     */
    boolean recordFailure(String username) {
        Instant now = clock.instant();
        OffsetDateTime windowStart = utc(now.minus(window));
        List<Boolean> locked = jdbc.queryForList(COUNT_FAILURE, Boolean.class,
                windowStart, windowStart, utc(now), windowStart, maxFailures, utc(now.plus(lockFor)), username, utc(now));
        return !locked.isEmpty() && Boolean.TRUE.equals(locked.get(0));
    }

    /** As a {@code timestamptz}, whatever the time zones of the JVM and of the database session. */
    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    void recordSuccess(String username) {
        jdbc.update("""
                UPDATE staff_user SET failed_sign_ins = 0, first_failed_at = NULL, locked_until = NULL
                 WHERE username = ? AND (failed_sign_ins <> 0 OR locked_until IS NOT NULL)""", username);
    }
}
