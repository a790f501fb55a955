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
    void a_failed_sign_in_is_recorded_with_the_name_typed_and_the_address() throws Exception {
        String typed = "Nobody_" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(signIn(typed, "wrong")).isEqualTo("/login?error");

        Map<String, Object> entry = jdbc.queryForMap("""
                SELECT action, outcome, actor_role, client_address, details ->> 'reason' AS reason
                  FROM audit_entry WHERE actor = ?""", typed.toLowerCase());
        assertThat(entry).containsEntry("action", "SIGN_IN_FAILED").containsEntry("outcome", "FAILURE")
                .containsEntry("client_address", "127.0.0.1").containsEntry("reason", "BAD_CREDENTIALS");
        assertThat(entry.get("actor_role")).isNull();
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
