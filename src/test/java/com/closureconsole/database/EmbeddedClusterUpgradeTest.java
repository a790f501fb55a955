package com.closureconsole.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A demo's embedded cluster made by an earlier version trusted every local connection. Its first
 * start with this version gives it passwords, and from then on it checks them.
 */
class EmbeddedClusterUpgradeTest {

    @TempDir
    Path folder;

    @Test
    void a_trusting_cluster_from_an_earlier_version_checks_passwords_after_its_next_start() throws Exception {
        Path data = folder.resolve("postgres");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setLocaleConfig("locale", "C.UTF-8").start()) {
            try (var connection = DriverManager.getConnection(old.getJdbcUrl("postgres", "postgres"))) {
                assertThat(connection.isValid(1)).as("the old cluster trusts a connection without password").isTrue();
            }
        }

        int port;
        try (ConsoleNode console = ConsoleNode.start(Map.of("closure.demo", "true",
                "closure.embedded-database.data-directory", data.toString()))) {
            port = console.bean(EmbeddedPostgres.class).getPort();
            assertThat(console.jdbc().queryForObject("SELECT count(*) FROM staff_user", Integer.class)).isEqualTo(3);
            String url = "jdbc:postgresql://localhost:" + port + "/postgres";
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                    .isInstanceOf(SQLException.class);
        }
        Path credentials = data.resolve(EmbeddedCredentials.FILE_NAME);
        assertThat(Files.getPosixFilePermissions(credentials))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        try (ConsoleNode again = ConsoleNode.start(Map.of("closure.demo", "true",
                "closure.embedded-database.data-directory", data.toString()))) {
            assertThat(again.jdbc().queryForObject("SELECT current_user", String.class)).isEqualTo("closure_app");
        }
    }
}
