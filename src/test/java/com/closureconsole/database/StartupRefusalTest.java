package com.closureconsole.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Safe by default: outside demo mode the console does not start without an external database, with
 * demo passwords, or with a database role that could rewrite the audit trail, and says why in its
 * log; each refusal has an override for an operator who accepts the risk.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupRefusalTest {

    private static ExternalPostgres server;
    private static int databases;

    @BeforeAll
    static void startServer() throws Exception {
        server = ExternalPostgres.start(17);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    /** A fresh database with its owner (who may create roles) for each start. */
    private static Map<String, Object> freshDatabase() {
        String name = "refusal" + ++databases;
        server.createDatabase(name, name + "_owner", "owner-pw", true);
        return ConsoleNode.readmeSettings(server, name, name + "_owner", "owner-pw", name + "_app", "app-pw-" + name);
    }

    @Test
    void without_an_external_database_only_a_demo_starts(CapturedOutput output) {
        // No closure.demo given: the default of the jar.
        assertThatThrownBy(() -> ConsoleNode.start(Map.of()))
                .hasStackTraceContaining("No external database is configured, and the embedded one is for demos only");
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("or start a demo with --closure.demo=true");
    }

    @Test
    void demo_passwords_are_refused_outside_demo_mode_unless_overridden() {
        Map<String, Object> settings = freshDatabase();
        settings.put("closure.demo-data", "true");

        assertThatThrownBy(() -> ConsoleNode.start(settings))
                .hasStackTraceContaining("Staff users still have the demo password: agent1, agent2, supervisor1")
                .hasStackTraceContaining("closure.safety.allow-demo-passwords=true");

        settings.put("closure.safety.allow-demo-passwords", "true");
        try (ConsoleNode console = ConsoleNode.start(settings)) {
            assertThat(console.bean(DemoMode.class).enabled()).isFalse();
        }
    }

    @Test
    void connecting_as_the_schema_owner_is_refused_with_every_reason_at_once() {
        Map<String, Object> settings = freshDatabase();
        settings.put("spring.datasource.username", settings.get("spring.flyway.user"));
        settings.put("spring.datasource.password", settings.get("spring.flyway.password"));
        settings.remove("spring.flyway.user");
        settings.remove("spring.flyway.password");

        assertThatThrownBy(() -> ConsoleNode.start(settings))
                .hasStackTraceContaining("the owner of the schema")
                .hasStackTraceContaining("may update, delete, truncate audit entries");

        settings.put("closure.safety.allow-owner-connection", "true");
        settings.put("closure.safety.allow-audit-changes", "true");
        try (ConsoleNode console = ConsoleNode.start(settings)) {
            assertThat(console.jdbc().queryForObject("SELECT current_user", String.class)).endsWith("_owner");
        }
    }

    @Test
    void without_a_signing_key_for_the_ledger_the_console_refuses_and_says_what_to_set(CapturedOutput output) {
        Map<String, Object> settings = freshDatabase();
        settings.remove("closure.audit.signing-key");

        assertThatThrownBy(() -> ConsoleNode.start(settings))
                .hasStackTraceContaining("The audit ledger has no signing key.");
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("- The audit ledger has no signing key.")
                .contains("Set closure.audit.signing-key (CLOSURE_AUDIT_SIGNING_KEY) to an Ed25519 private key")
                .doesNotContain("IllegalStateException");
    }

    @Test
    void a_signing_key_that_cannot_be_read_is_refused_with_its_path(CapturedOutput output) {
        Map<String, Object> settings = freshDatabase();
        settings.put("closure.audit.signing-key", "/nonexistent/ledger-signing-key.pem");

        assertThatThrownBy(() -> ConsoleNode.start(settings))
                .hasStackTraceContaining("The audit ledger's signing key cannot be used: cannot read the ledger's signing key "
                        + "/nonexistent/ledger-signing-key.pem");
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains("openssl genpkey -algorithm ed25519");
    }

    @Test
    void a_role_granted_changes_to_the_trail_is_refused() {
        Map<String, Object> settings = freshDatabase();
        try (ConsoleNode first = ConsoleNode.start(settings)) {
            assertThat(first.jdbc().queryForObject("SELECT count(*) FROM staff_user", Integer.class)).isZero();
        }
        String database = ((String) settings.get("spring.datasource.url")).replaceAll(".*/", "");
        server.asSuperuser(database, "GRANT DELETE ON audit_entry TO " + settings.get("spring.datasource.username"));

        assertThatThrownBy(() -> ConsoleNode.start(settings))
                .hasStackTraceContaining("may delete audit entries");
    }
}
