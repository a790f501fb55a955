package com.closureconsole.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL 17 inside the console's process when no external database is
 * configured, and stops it when the application context closes.
 *
 * <p>With {@code closure.embedded-database.data-directory} set, the cluster lives in that folder
 * and survives restarts; left empty (as in the tests), it lives in a temporary folder that is
 * deleted on shutdown. The cluster always gets the {@code C.UTF-8} locale: under {@code C},
 * pg_trgm would index no Chinese text at all.
 *
 * <p>Flyway migrates as the cluster's superuser {@code postgres}, the owner of the schema; the
 * application connects as {@code closure.embedded-database.app-user}, the role that migration
 * V011 creates, which may only read and append audit entries.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${closure.embedded-database.data-directory:}") String dataDirectory,
                                      @Value("${closure.embedded-database.port:0}") int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8")
                .setServerConfig("timezone", "UTC");
        if (port > 0) {
            builder.setPort(port);
        }
        if (!dataDirectory.isBlank()) {
            Path folder = Path.of(dataDirectory).toAbsolutePath();
            Files.createDirectories(folder);
            builder.setDataDirectory(folder).setCleanDataDirectory(false);
            log.info("Embedded PostgreSQL keeps its data in {}", folder);
        } else {
            log.info("Embedded PostgreSQL runs on a throwaway data folder");
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL listening on port {}", postgres.getPort());
        return postgres;
    }

    /** The application's connections: the restricted role, not the owner. */
    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, DatabaseRoles roles,
                          @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize) {
        // Created unstarted: the role exists only once Flyway has migrated, before the first connection.
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
        dataSource.setUsername(roles.appUser());
        dataSource.setPassword(roles.appPassword());
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setPoolName("embedded");
        return dataSource;
    }

    /** Migrations run as the superuser that owns the schema. */
    @Bean
    FlywayConfigurationCustomizer migrateAsOwner(EmbeddedPostgres postgres) {
        return configuration -> configuration.dataSource(postgres.getPostgresDatabase());
    }
}
