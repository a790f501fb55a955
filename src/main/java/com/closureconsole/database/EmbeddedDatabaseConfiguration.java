package com.closureconsole.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL 17 inside the console's process when no external database is
 * configured, and stops it when the application context closes. Only a demo may do this
 * ({@link DemoMode}); a production start without an external database is refused.
 *
 * <p>With {@code closure.embedded-database.data-directory} set, the cluster lives in that folder
 * and survives restarts; left empty (as in the tests), it lives in a temporary folder that is
 * deleted on shutdown. The cluster always gets the {@code C.UTF-8} locale (under {@code C},
 * pg_trgm would index no Chinese text at all), writes durably with fsync and synchronous commits
 * (an acknowledged closure survives a crash), and checks a SCRAM-SHA-256 password on every connection: its
 * {@code pg_hba.conf} is written anew on every start. A cluster made before it checked passwords
 * is given them on its first start with this version.
 *
 * <p>Flyway migrates as the cluster's superuser {@code postgres}, the owner of the schema; the
 * application connects as {@code closure.embedded-database.app-user}, which may only read and
 * append audit entries.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    private static final String PASSWORD_HBA = """
            # Written by Closure Console on every start: every connection must give its password.
            local all all                scram-sha-256
            host  all all 127.0.0.1/32   scram-sha-256
            host  all all ::1/128        scram-sha-256
            """;

    @Bean
    EmbeddedCredentials embeddedCredentials(DemoMode demo,
                                            @Value("${closure.embedded-database.data-directory:}") String dataDirectory,
                                            @Value("${closure.embedded-database.app-user:closure_app}") String appUser) {
        if (!demo.enabled()) {
            throw new StartupRefusal("No external database is configured, and the embedded one is for demos only.",
                    "Set SPRING_DATASOURCE_URL and the other settings of the README's \"Run in production\", "
                            + "or start a demo with --closure.demo=true.");
        }
        Path folder = persistentFolder(dataDirectory);
        EmbeddedCredentials kept = folder == null ? null : EmbeddedCredentials.read(folder, appUser);
        return kept != null ? kept : EmbeddedCredentials.generate(appUser);
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedCredentials credentials,
                                      @Value("${closure.embedded-database.data-directory:}") String dataDirectory,
                                      @Value("${closure.embedded-database.port:0}") int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8")
                .setServerConfig("timezone", "UTC")
                // zonky's defaults are a test database's: no fsync (-F) and asynchronous commits.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setConnectConfig("password", credentials.superuserPassword());
        if (port > 0) {
            builder.setPort(port);
        }
        Path folder = persistentFolder(dataDirectory);
        boolean existing = folder != null && Files.exists(folder.resolve("postgresql.conf"));
        // A cluster from before passwords were checked: it trusts connections until it is given them below.
        boolean unprotected = folder != null && existing
                && !Files.exists(folder.resolve(EmbeddedCredentials.FILE_NAME));
        if (folder != null) {
            Files.createDirectories(folder);
            builder.setDataDirectory(folder).setCleanDataDirectory(false);
            log.info("Embedded PostgreSQL keeps its data in {}", folder);
        } else {
            log.info("Embedded PostgreSQL runs on a throwaway data folder");
        }
        Path passwordFile = null;
        if (!existing) {
            passwordFile = Files.createTempFile("closure-pg", ".pw",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passwordFile, credentials.superuserPassword(), StandardCharsets.UTF_8);
            builder.setLocaleConfig("pwfile", passwordFile.toString());
        }
        builder.setDataDirectoryCustomizer(data -> {
            if (!unprotected) {
                credentials.write(data.toPath());
                writeHba(data.toPath());
            }
        });
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } finally {
            if (passwordFile != null) {
                Files.deleteIfExists(passwordFile);
            }
        }
        if (unprotected) {
            protect(postgres, credentials,
                    Objects.requireNonNull(folder, "only an existing cluster, in a folder, is unprotected"));
        }
        log.info("Embedded PostgreSQL listening on port {}", postgres.getPort());
        return postgres;
    }

    /** The application's connections: the restricted role, not the owner, with the pool settings of spring.datasource.hikari. */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, DatabaseRoles roles) {
        // Created unstarted: the role exists only once Flyway has migrated, before the first connection.
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
        dataSource.setUsername(roles.appUser());
        dataSource.setPassword(roles.appPassword());
        dataSource.setPoolName("embedded");
        return dataSource;
    }

    /** Migrations run as the superuser that owns the schema. */
    @Bean
    FlywayConfigurationCustomizer migrateAsOwner(EmbeddedPostgres postgres) {
        return configuration -> configuration.dataSource(postgres.getPostgresDatabase());
    }

    private static @Nullable Path persistentFolder(String dataDirectory) {
        return dataDirectory.isBlank() ? null : Path.of(dataDirectory).toAbsolutePath();
    }

    private static void writeHba(Path data) {
        try {
            Files.writeString(data.resolve("pg_hba.conf"), PASSWORD_HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write pg_hba.conf in " + data, e);
        }
    }

    /** Gives an old trusting cluster its superuser password, then makes it check passwords from now on. */
    private static void protect(EmbeddedPostgres postgres, EmbeddedCredentials credentials, Path folder) {
        DataSource superuser = postgres.getPostgresDatabase();
        try (Connection connection = superuser.getConnection()) {
            connection.unwrap(PGConnection.class)
                    .alterUserPassword("postgres", credentials.superuserPassword().toCharArray(), "scram-sha-256");
            credentials.write(folder);
            writeHba(folder);
            try (Statement reload = connection.createStatement()) {
                reload.execute("SELECT pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not give the embedded cluster in " + folder + " its passwords", e);
        }
        log.info("The embedded cluster in {} now checks passwords on every connection", folder);
    }
}
