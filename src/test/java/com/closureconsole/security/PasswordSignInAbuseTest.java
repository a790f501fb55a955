package com.closureconsole.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.closureconsole.ConsoleTest;
import com.closureconsole.FormSignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The password sign-in under attack: parallel guesses, guessing from one address, and telling
 * existing user names from the answer or its timing.
 */
@ConsoleTest
class PasswordSignInAbuseTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    SignInLockout lockout;
    @Autowired
    StaffPasswordAuthentication authentication;

    @Test
    void wrong_passwords_sent_at_once_on_many_threads_are_all_counted_and_lock_the_user() throws Exception {
        String user = newStaffUser();
        int threads = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> locked = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            locked.add(pool.submit(() -> {
                start.await();
                return lockout.recordFailure(user);
            }));
        }
        start.countDown();
        int lockedNow = 0;
        for (Future<Boolean> result : locked) {
            lockedNow += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();

        // The limit is 5: the fifth failure locks, the seven after it find the user locked and change nothing.
        assertThat(lockedNow).as("failures that locked the user").isEqualTo(1);
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT failed_sign_ins, locked_until > now() + interval '14 minutes' AS locked FROM staff_user WHERE username = ?", user);
        assertThat(row).containsEntry("failed_sign_ins", 5).containsEntry("locked", true);
    }

    @Test
    void an_unknown_user_a_wrong_password_and_a_locked_user_take_comparable_time_and_each_at_least_one_hash()
            throws Exception {
        String wrong = newStaffUser();
        String locked = newStaffUser();
        jdbc.update("UPDATE staff_user SET locked_until = now() + interval '1 hour' WHERE username = ?", locked);
        String hash = passwords.encode("secret-1");
        long hashNanos = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            passwords.matches("wrong", hash);
            hashNanos = Math.min(hashNanos, System.nanoTime() - started);
        }
        // The fastest of a few tries each: what the path costs, not what the machine was busy with.
        long unknown = fastestFailure("nobody-" + UUID.randomUUID().toString().substring(0, 8), "wrong");
        long wrongPassword = fastestFailure(wrong, "wrong");
        long lockedUser = fastestFailure(locked, "secret-1");

        for (long path : List.of(unknown, wrongPassword, lockedUser)) {
            assertThat(path).as("each answer runs the password hash").isGreaterThanOrEqualTo(hashNanos * 8 / 10);
        }
        long slowest = Math.max(unknown, Math.max(wrongPassword, lockedUser));
        long fastest = Math.min(unknown, Math.min(wrongPassword, lockedUser));
        assertThat(slowest).as("unknown %d, wrong %d, locked %d ns", unknown, wrongPassword, lockedUser)
                .isLessThan(fastest * 3);
    }

    private long fastestFailure(String username, String password) {
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            // Each try from an address of its own, so that no throttling cuts one short.
            UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
            attempt.setDetails(new WebAuthenticationDetails("198.51.100." + (i + 1), null));
            long started = System.nanoTime();
            assertThatThrownBy(() -> authentication.authenticate(attempt)).isInstanceOf(AuthenticationException.class);
            fastest = Math.min(fastest, System.nanoTime() - started);
        }
        return fastest;
    }

    @Test
    void the_wrong_password_that_locks_a_user_is_audited_as_the_lock() throws Exception {
        String user = newStaffUser();
        String address = "203.0.113." + (10 + (int) (Math.random() * 200));
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(user, "wrong-" + i, address)).isEqualTo("/login?error");
        }
        assertThat(signIn(user, "secret-1", address)).isEqualTo("/login?error");
        assertThat(jdbc.queryForList("SELECT details ->> 'reason' FROM audit_entry WHERE actor = ? ORDER BY id", String.class, user))
                .containsExactly("BAD_CREDENTIALS", "BAD_CREDENTIALS", "BAD_CREDENTIALS", "BAD_CREDENTIALS", "LOCKED_OUT", "LOCKED");
    }

    @Test
    void an_address_that_keeps_failing_must_wait_before_it_is_heard_again_and_that_is_audited() throws Exception {
        String address = "192.0.2." + (10 + (int) (Math.random() * 200));
        String user = newStaffUser();
        // The test profile allows 50 free failures per address (the default is 5): spread over made-up names.
        for (int i = 0; i <= 50; i++) {
            assertThat(signIn("spray-" + i + "-" + UUID.randomUUID().toString().substring(0, 6), "guess", address))
                    .isEqualTo("/login?error");
        }
        // Now even the right password from that address is not checked until the wait is over.
        assertThat(signIn(user, "secret-1", address)).isEqualTo("/login?error");
        assertThat(jdbc.queryForMap("""
                SELECT action, details ->> 'reason' AS reason FROM audit_entry
                 WHERE client_address = ? ORDER BY id DESC LIMIT 1""", address))
                .containsEntry("action", "SIGN_IN_FAILED").containsEntry("reason", "THROTTLED");
        // Another address is not affected.
        assertThat(signIn(user, "secret-1", "192.0.2.1")).isEqualTo("/");
    }

    private String signIn(String username, String password, String address) throws Exception {
        return FormSignIn.signIn(java.net.URI.create("http://127.0.0.1:" + port), username, password,
                "X-Forwarded-For", address);
    }

    private String newStaffUser() {
        String username = "t" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("INSERT INTO staff_user (username, display_name, password_hash, role) VALUES (?, ?, ?, 'AGENT')",
                username, "Test " + username, passwords.encode("secret-1"));
        return username;
    }
}
