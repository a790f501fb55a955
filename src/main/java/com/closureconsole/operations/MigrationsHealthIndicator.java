package com.closureconsole.operations;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Part of readiness ({@code migrations}): UP when every migration this build ships has been
 * applied to the database and none has failed; DOWN otherwise, for instance when the database
 * was restored from a backup older than the schema this build needs. Reports the schema's
 * current version and any pending versions. The list of migrations the build ships is read once;
 * each check then reads only Flyway's history table, as the application role.
 */
@Component
class MigrationsHealthIndicator extends AbstractHealthIndicator {

    private final JdbcTemplate jdbc;
    private final ObjectProvider<Flyway> flyway;
    private volatile @Nullable List<MigrationVersion> shipped;

    MigrationsHealthIndicator(JdbcTemplate jdbc, ObjectProvider<Flyway> flyway) {
        super("The schema's migrations could not be checked");
        this.jdbc = jdbc;
        this.flyway = flyway;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Flyway migrations = flyway.getIfAvailable();
        if (migrations == null) {
            builder.unknown().withDetail("flyway", "not in use");
            return;
        }
        String history = historyTable(migrations);
        List<MigrationVersion> expected = shipped(migrations);
        List<String> appliedRows = jdbc.queryForList(
                "SELECT version FROM " + history + " WHERE success AND version IS NOT NULL ORDER BY installed_rank",
                String.class);
        Set<MigrationVersion> applied = appliedRows.stream().map(MigrationVersion::fromVersion).collect(Collectors.toSet());
        Integer failed = jdbc.queryForObject("SELECT count(*) FROM " + history + " WHERE NOT success", Integer.class);
        List<String> pending = expected.stream().filter(version -> !applied.contains(version))
                .map(MigrationVersion::getVersion).toList();

        builder.withDetail("current", appliedRows.isEmpty() ? "none" : appliedRows.get(appliedRows.size() - 1))
                .withDetail("pending", pending)
                .withDetail("failed", failed == null ? 0 : failed);
        if (pending.isEmpty() && (failed == null || failed == 0)) {
            builder.up();
        } else {
            builder.down();
        }
    }

    /** The versioned migrations this build ships (resolved on the classpath), read once. */
    private List<MigrationVersion> shipped(Flyway migrations) {
        List<MigrationVersion> versions = shipped;
        if (versions == null) {
            versions = Arrays.stream(migrations.info().all())
                    .filter(info -> info.getState().isResolved() && info.getVersion() != null)
                    .map(MigrationInfo::getVersion).toList();
            shipped = versions;
        }
        return versions;
    }

    private static String historyTable(Flyway migrations) {
        String table = quote(migrations.getConfiguration().getTable());
        String schema = migrations.getConfiguration().getDefaultSchema();
        if (schema == null && migrations.getConfiguration().getSchemas().length > 0) {
            schema = migrations.getConfiguration().getSchemas()[0];
        }
        return schema == null ? table : quote(schema) + "." + table;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
