package com.closureconsole.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.closureconsole.ConsoleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@ConsoleTest
class EmbeddedDatabaseTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void flyway_migrates_the_embedded_database_to_the_latest_version() {
        Integer failed = jdbc.queryForObject(
                "SELECT count(*) FROM flyway_schema_history WHERE NOT success", Integer.class);
        String latest = jdbc.queryForObject(
                "SELECT max(version) FROM flyway_schema_history WHERE version IS NOT NULL", String.class);
        assertThat(failed).isZero();
        assertThat(latest).isNotNull();
        assertThat(jdbc.queryForObject("SELECT to_regclass('closure_request') IS NOT NULL", Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("SELECT to_regclass('audit_entry') IS NOT NULL", Boolean.class)).isTrue();
    }

    @Test
    void it_is_a_real_postgresql_17_with_a_utf8_character_type() {
        assertThat(jdbc.queryForObject("SHOW server_version_num", Integer.class)).isGreaterThanOrEqualTo(170000);
        assertThat(jdbc.queryForObject(
                "SELECT datctype FROM pg_database WHERE datname = current_database()", String.class))
                .isEqualTo("C.UTF-8");
        assertThat(jdbc.queryForObject("SHOW server_encoding", String.class)).isEqualTo("UTF8");
    }

    @Autowired
    io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;

    @Test
    void it_commits_synchronously_so_an_acknowledged_closure_survives_a_crash() {
        assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
    }

    @Test
    void it_accepts_no_connection_without_the_right_password() {
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        for (String user : java.util.List.of("postgres", "closure_app")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> java.sql.DriverManager.getConnection(url, user, "").close())
                    .as(user).isInstanceOf(java.sql.SQLException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> java.sql.DriverManager.getConnection(url, user, "demo123").close())
                    .as(user).hasMessageContaining("password authentication failed");
        }
        assertThat(new JdbcTemplate(postgres.getPostgresDatabase())
                .queryForList("SELECT DISTINCT auth_method FROM pg_hba_file_rules", String.class))
                .containsExactly("scram-sha-256");
    }

    @Test
    void demo_staff_and_accounts_are_loaded() {
        assertThat(jdbc.queryForList("SELECT username || ':' || role FROM staff_user ORDER BY username", String.class))
                .contains("agent1:AGENT", "agent2:AGENT", "supervisor1:SUPERVISOR");
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM account WHERE id BETWEEN '2088000000000001' AND '2088000000000022'", Integer.class))
                .isEqualTo(22);
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM wallet WHERE account_id BETWEEN '2088000000000001' AND '2088000000000022'", Integer.class))
                .isEqualTo(22);
        assertThat(jdbc.queryForObject("SELECT status FROM account WHERE id = '2088000000000018'", String.class))
                .isEqualTo("CLOSED");
    }

    @Test
    void demo_passwords_are_bcrypt_hashes_not_plain_text() {
        assertThat(jdbc.queryForList("SELECT password_hash FROM staff_user", String.class))
                .allSatisfy(hash -> assertThat(hash).startsWith("$2a$10$").doesNotContain("demo123"));
    }

    @Test
    void loading_the_demo_data_again_changes_nothing() {
        String before = snapshot();
        jdbc.execute(new String(readDemoScript(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(snapshot()).isEqualTo(before);
    }

    private String snapshot() {
        return jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM account) || '/' || (SELECT count(*) FROM wallet_transaction) || '/'
                    || (SELECT count(*) FROM withholding_agreement) || '/' || (SELECT count(*) FROM trade_dispute) || '/'
                    || (SELECT sum(balance) FROM wallet) || '/' || (SELECT count(*) FROM staff_user)
                    || '/' || (SELECT max(registered_at) FROM account)
                """, String.class);
    }

    private static byte[] readDemoScript() {
        try (var in = EmbeddedDatabaseTest.class.getResourceAsStream("/db/demo/afterMigrate.sql")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
