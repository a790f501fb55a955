package com.closureconsole.perf;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import com.closureconsole.Application;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The whole console, started the way it runs for an agent (its own embedded PostgreSQL, Flyway,
 * the demo data), but on the performance data folder instead of {@code .data/postgres}. The
 * generator and the benchmark both start it this way, so they see exactly the schema, the server
 * settings and the services the console has.
 */
final class PerfConsole implements AutoCloseable {

    static final String DATA_DIRECTORY = System.getProperty("perf.data-directory", ".data/perf-postgres");

    final ConfigurableApplicationContext context;

    private PerfConsole(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts the console on {@link #DATA_DIRECTORY}; {@code customizer} may add bean post-processors. */
    static PerfConsole start(Consumer<GenericApplicationContext> customizer) {
        return start(customizer, Map.of());
    }

    /** The same, with more properties (they win over the defaults here). */
    static PerfConsole start(Consumer<GenericApplicationContext> customizer, Map<String, String> more) {
        // Command-line arguments: they outrank application.properties (which names .data/postgres).
        Map<String, String> properties = new java.util.LinkedHashMap<>(Map.of(
                        "closure.embedded-database.data-directory", dataDirectory().toString(),
                        "closure.audit.directory", auditDirectory().toString(),
                        "server.port", "0",
                        "closure.demo", "true",
                        "management.server.port", "0",
                        "vaadin.launch-browser", "false",
                        "spring.main.banner-mode", "off",
                        "logging.level.root", "warn",
                        "logging.level.com.closureconsole", "info"));
        properties.putAll(more);
        String[] arguments = properties
                .entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .initializers(ctx -> customizer.accept((GenericApplicationContext) ctx))
                .run(arguments);
        return new PerfConsole(context);
    }

    static Path dataDirectory() {
        return Path.of(DATA_DIRECTORY).toAbsolutePath().normalize();
    }

    /**
     * The audit ledger's signing key and its digests outside the database, beside the data folder
     * (not inside it: the digests stand for storage that the database's administrators cannot reach).
     */
    static Path auditDirectory() {
        Path data = dataDirectory();
        return data.resolveSibling(data.getFileName() + "-audit");
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * The JDBC URL of the embedded server as its superuser (loading needs to bypass triggers), with
     * the password the console generated for the cluster and keeps in its data folder.
     */
    String superuserJdbcUrl() {
        java.util.Properties credentials = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(dataDirectory().resolve("closure-credentials.properties"))) {
            credentials.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bean(EmbeddedPostgres.class).getJdbcUrl("postgres", "postgres")
                + "&password=" + credentials.getProperty("superuser.password");
    }

    @Override
    public void close() {
        context.close();
    }
}
