package com.closureconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.closureconsole.ConsoleTest;
import com.closureconsole.FormSignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Sign-ins and failed sign-ins over HTTP land in the trail with the client's address. */
@ConsoleTest
class AuditSignInTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_failed_sign_in_with_an_unknown_name_is_recorded_with_the_name_masked_and_the_address() throws Exception {
        long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_entry", Long.class);
        String typed = "Nobody_" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(signIn(typed, "wrong")).isEqualTo("/login?error");

        Map<String, Object> entry = jdbc.queryForMap("""
                SELECT action, outcome, actor, actor_role, client_address, details ->> 'reason' AS reason,
                       details ->> 'knownUser' AS known
                  FROM audit_entry WHERE id > ? AND action = 'SIGN_IN_FAILED' AND client_address = '127.0.0.1'
                 ORDER BY id DESC LIMIT 1""", before);
        assertThat(entry).containsEntry("action", "SIGN_IN_FAILED").containsEntry("outcome", "FAILURE")
                .containsEntry("actor", "n***").containsEntry("reason", "BAD_CREDENTIALS").containsEntry("known", "false");
        assertThat(entry.get("actor_role")).isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE id > ? AND (actor ILIKE ? OR details::text ILIKE ?)",
                Integer.class, before, "%" + typed.substring(7) + "%", "%" + typed.substring(7) + "%"))
                .as("the name typed is nowhere in the trail").isZero();
    }

    @Test
    void a_failed_sign_in_of_a_staff_user_keeps_their_name() throws Exception {
        long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_entry", Long.class);
        assertThat(signIn("Agent2", "wrong")).isEqualTo("/login?error");
        assertThat(jdbc.queryForObject("""
                SELECT details ->> 'knownUser' FROM audit_entry
                 WHERE id > ? AND action = 'SIGN_IN_FAILED' AND actor = 'agent2'""", String.class, before)).isEqualTo("true");
        // Reset the lockout count the failure started.
        assertThat(signIn("agent2", "demo123")).isEqualTo("/");
    }

    @Test
    void a_sign_in_is_recorded_with_the_role() throws Exception {
        long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_entry", Long.class);
        assertThat(signIn("supervisor1", "demo123")).isEqualTo("/");

        assertThat(jdbc.queryForMap("""
                SELECT actor_role, outcome, client_address FROM audit_entry
                 WHERE action = 'SIGN_IN' AND actor = 'supervisor1' AND id > ?""", before))
                .containsEntry("actor_role", "SUPERVISOR").containsEntry("outcome", "SUCCESS")
                .containsEntry("client_address", "127.0.0.1");
    }

    private String signIn(String username, String password) throws Exception {
        return FormSignIn.signIn(port, username, password);
    }
}
