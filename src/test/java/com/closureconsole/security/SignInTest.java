package com.closureconsole.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.closureconsole.ConsoleTest;
import com.closureconsole.FormSignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Signs in over HTTP against the running console, as the login page's form does. */
@ConsoleTest
class SignInTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void demo_agent_signs_in_with_the_demo_password() throws Exception {
        assertThat(signIn("agent2", "demo123")).isEqualTo("/");
    }

    @Test
    void wrong_password_and_unknown_user_get_the_same_answer() throws Exception {
        String user = newStaffUser(true);
        assertThat(signIn(user, "wrong")).isEqualTo("/login?error");
        assertThat(signIn("nobody_" + user, "secret-1")).isEqualTo("/login?error");
    }

    @Test
    void five_failures_within_fifteen_minutes_lock_the_user_even_with_the_right_password() throws Exception {
        String user = newStaffUser(true);
        for (int i = 0; i < 4; i++) {
            assertThat(signIn(user, "wrong-" + i)).isEqualTo("/login?error");
        }
        assertThat(lockedUntilIsSet(user)).isFalse();
        assertThat(signIn(user, "wrong-5")).isEqualTo("/login?error");
        assertThat(lockedUntilIsSet(user)).isTrue();
        assertThat(jdbc.queryForObject(
                "SELECT locked_until > now() + interval '14 minutes' FROM staff_user WHERE username = ?",
                Boolean.class, user)).isTrue();
        assertThat(signIn(user, "secret-1")).isEqualTo("/login?error");
    }

    @Test
    void lock_ends_after_its_time_and_a_success_clears_the_count() throws Exception {
        String user = newStaffUser(true);
        jdbc.update("UPDATE staff_user SET locked_until = now() - interval '1 second', failed_sign_ins = 3,"
                + " first_failed_at = now() WHERE username = ?", user);
        assertThat(signIn(user, "secret-1")).isEqualTo("/");
        assertThat(jdbc.queryForObject("SELECT failed_sign_ins FROM staff_user WHERE username = ?",
                Integer.class, user)).isZero();
    }

    @Test
    void a_disabled_user_cannot_sign_in() throws Exception {
        String user = newStaffUser(false);
        assertThat(signIn(user, "secret-1")).isEqualTo("/login?error");
    }

    private String newStaffUser(boolean enabled) {
        String username = "t" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("INSERT INTO staff_user (username, display_name, password_hash, role, enabled) VALUES (?, ?, ?, 'AGENT', ?)",
                username, "Test " + username, passwords.encode("secret-1"), enabled);
        return username;
    }

    private boolean lockedUntilIsSet(String user) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT locked_until IS NOT NULL FROM staff_user WHERE username = ?", Boolean.class, user));
    }

    /** Posts the sign-in form and answers where the console redirects to (path and query). */
    private String signIn(String username, String password) throws Exception {
        return FormSignIn.signIn(port, username, password);
    }
}
