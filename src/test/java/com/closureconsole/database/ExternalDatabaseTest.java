package com.closureconsole.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.closureconsole.account.AccountSearch;
import com.closureconsole.audit.AuditIntegrity;
import com.closureconsole.audit.LedgerReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The README's "Run in production", followed word for word on a PostgreSQL that checks passwords,
 * for every supported major version: an empty database with its own owner, migrations as the
 * owner, the console connected as the application role that the migration created (or a DBA
 * created beforehand), which cannot change the audit trail; no demo data; verification works.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExternalDatabaseTest {

    private static final String OWNER_PASSWORD = "Owner-pw-4417";
    private static final String APP_PASSWORD = "App-pw-9083-secret";

    private ExternalPostgres server;
    private ConsoleNode console;

    static ExternalPostgres server(int major) throws Exception {
        boolean available = ExternalPostgres.available(major);
        if (!available && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("PostgreSQL " + major + " is missing; .ci/run installs it");
        }
        assumeTrue(available, "PostgreSQL " + major + " is not installed here (apt-get install postgresql-15)");
        return ExternalPostgres.start(major);
    }

    @AfterEach
    void stop() throws Exception {
        SecurityContextHolder.clearContext();
        if (console != null) {
            console.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {15, 16, 17})
    void the_readme_setup_runs_on_a_password_checking_server(int major, CapturedOutput output) throws Exception {
        server = server(major);
        server.createDatabase("closure", "closure", OWNER_PASSWORD, true);

        console = ConsoleNode.start(ConsoleNode.readmeSettings(server, "closure", "closure", OWNER_PASSWORD,
                "closure_app", APP_PASSWORD));
        JdbcTemplate jdbc = console.jdbc();

        assertThat(jdbc.queryForObject("SHOW server_version_num", Integer.class) / 10000).isEqualTo(major);
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("closure_app");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE NOT success", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM staff_user", Integer.class)).as("no demo staff").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account", Integer.class)).as("no demo accounts").isZero();

        assertThatThrownBy(() -> server.connect("closure", "closure_app", "not-the-password").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        appRoleCannotChangeTheTrail(server);

        String history = jdbc.queryForObject("SELECT string_agg(concat_ws('|', description, script, installed_by), ' ') "
                + "FROM flyway_schema_history", String.class);
        assertThat(history).doesNotContain(APP_PASSWORD).doesNotContain(OWNER_PASSWORD);
        assertThat(output.getAll()).doesNotContain(APP_PASSWORD).doesNotContain(OWNER_PASSWORD);

        signInAs("agent1", "AGENT");
        console.bean(AccountSearch.class).start(console.bean(AccountSearch.class).parse("13800138001"));
        signInAs("supervisor1", "SUPERVISOR");
        LedgerReport intact = verify();
        assertThat(intact.intact()).isTrue();
        assertThat(intact.entriesChecked()).isPositive();

        // A superuser's edit that leaves the details unreadable as JSON is reported, on 15 too (no pg_input_is_valid).
        server.asSuperuser("closure", "SET session_replication_role = replica",
                "ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_details_as_written",
                "UPDATE audit_entry SET details_text = '{not json' WHERE id = (SELECT min(id) FROM audit_entry)");
        LedgerReport tampered = verify();
        assertThat(tampered.intact()).isFalse();
        assertThat(tampered.finding().problem()).isIn(LedgerReport.Problem.ENTRY_CHANGED, LedgerReport.Problem.DETAILS_CHANGED);
    }

    @Test
    void a_role_created_beforehand_by_a_dba_serves_an_owner_without_createrole() throws Exception {
        server = server(15);
        server.createDatabase("closure", "closure", OWNER_PASSWORD, false);
        server.asSuperuser("postgres", "CREATE ROLE closure_app LOGIN PASSWORD '" + APP_PASSWORD + "'");

        console = ConsoleNode.start(ConsoleNode.readmeSettings(server, "closure", "closure", OWNER_PASSWORD,
                "closure_app", APP_PASSWORD));

        assertThat(console.jdbc().queryForObject("SELECT current_user", String.class)).isEqualTo("closure_app");
        assertThat(console.jdbc().queryForObject("SELECT count(*) FROM account", Integer.class)).isZero();
        appRoleCannotChangeTheTrail(server);
    }

    @Test
    void an_owner_without_createrole_is_told_to_have_the_role_created_first() throws Exception {
        server = server(17);
        server.createDatabase("closure", "closure", OWNER_PASSWORD, false);

        assertThatThrownBy(() -> ConsoleNode.start(ConsoleNode.readmeSettings(server, "closure", "closure", OWNER_PASSWORD,
                "closure_app", APP_PASSWORD)))
                .hasStackTraceContaining("The application role closure_app does not exist, and the schema owner closure may not create roles");
    }

    @Test
    void demo_data_is_loaded_into_an_external_database_only_when_asked_for() throws Exception {
        server = server(17);
        server.createDatabase("closure", "closure", OWNER_PASSWORD, true);
        Map<String, Object> settings = ConsoleNode.readmeSettings(server, "closure", "closure", OWNER_PASSWORD,
                "closure_app", APP_PASSWORD);
        settings.put("closure.demo-data", "true");
        settings.put("closure.safety.allow-demo-passwords", "true");

        console = ConsoleNode.start(settings);

        assertThat(console.jdbc().queryForObject(
                "SELECT count(*) FROM account WHERE id BETWEEN '2088000000000001' AND '2088000000000022'", Integer.class))
                .isEqualTo(22);
    }

    private static void appRoleCannotChangeTheTrail(ExternalPostgres server) throws SQLException {
        try (Connection app = server.connect("closure", "closure_app", APP_PASSWORD)) {
            app.setAutoCommit(true);
            for (String sql : List.of("UPDATE audit_entry SET outcome = outcome", "DELETE FROM audit_entry",
                    "TRUNCATE audit_entry")) {
                try (Statement statement = app.createStatement()) {
                    assertThatThrownBy(() -> statement.execute(sql)).as(sql)
                            .isInstanceOf(SQLException.class)
                            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
                }
            }
        }
    }

    private LedgerReport verify() throws Exception {
        return console.bean(AuditIntegrity.class).start(null, null).result().get(30, TimeUnit.SECONDS);
    }

    private static void signInAs(String user, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user, null, AuthorityUtils.createAuthorityList("ROLE_" + role)));
    }
}
