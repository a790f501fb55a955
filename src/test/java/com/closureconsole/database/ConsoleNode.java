package com.closureconsole.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

import com.closureconsole.Application;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * One console started as an operator starts it on an external database: the whole application on
 * a random port, outside demo mode unless told otherwise, configured by the settings the README
 * gives. Several may run at once on one database, as the nodes behind a load balancer do.
 */
public final class ConsoleNode implements AutoCloseable {

    private static final Map<String, Path> LEDGER_FOLDERS = new ConcurrentHashMap<>();

    /** The security context strategy from before the first running node, and how many run. */
    private static SecurityContextHolderStrategy outsideStrategy;
    private static int running;

    public final ConfigurableApplicationContext context;

    private ConsoleNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** The README's settings for an owner and an application role with their passwords. */
    /** A fresh database {@code closure} on the server, owned by {@code closure}, and the README's settings for it. */
    public static Map<String, Object> freshReadmeDatabase(ExternalPostgres server) {
        server.createDatabase("closure", "closure", "owner-pw", true);
        return readmeSettings(server, "closure", "closure", "owner-pw", "closure_app", "app-pw");
    }

    public static Map<String, Object> readmeSettings(ExternalPostgres server, String database, String owner, String ownerPassword,
                                              String appRole, String appPassword) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", server.jdbcUrl(database));
        settings.put("spring.datasource.username", appRole);
        settings.put("spring.datasource.password", appPassword);
        settings.put("spring.flyway.user", owner);
        settings.put("spring.flyway.password", ownerPassword);
        // The audit ledger's key and digest folder, one pair per database, shared by its nodes.
        Path ledger = LEDGER_FOLDERS.computeIfAbsent(System.identityHashCode(server) + "/" + database, key -> ledgerFolder());
        settings.put("closure.audit.signing-key", ledger.resolve("ledger-signing-key.pem"));
        settings.put("closure.audit.digest-directory", ledger.resolve("digests"));
        return settings;
    }

    private static Path ledgerFolder() {
        try {
            Path folder = Files.createTempDirectory("closure-ledger");
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.writeString(folder.resolve("ledger-signing-key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
            return folder;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ConsoleNode start(Map<String, Object> settings) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("server.port", "0");
        all.put("management.server.port", "0");
        all.put("spring.main.banner-mode", "off");
        all.put("vaadin.launch-browser", "false");
        all.put("closure.notification.dispatch-interval", "1h");
        all.put("closure.policy.completion-interval", "1h");
        all.putAll(settings);
        // As command-line arguments: they outrank application.properties, as an operator's settings do.
        String[] arguments = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        // Each console sets the JVM-wide security context strategy to its own; the shared test
        // context's is put back when this node is gone, or its signed-in tests would see nobody.
        synchronized (ConsoleNode.class) {
            if (running == 0) {
                outsideStrategy = SecurityContextHolder.getContextHolderStrategy();
            }
            try {
                ConsoleNode node = new ConsoleNode(new SpringApplicationBuilder(Application.class).run(arguments));
                running++;
                return node;
            } catch (RuntimeException | Error e) {
                if (running == 0) {
                    SecurityContextHolder.setContextHolderStrategy(outsideStrategy);
                }
                throw e;
            }
        }
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public JdbcTemplate jdbc() {
        return bean(JdbcTemplate.class);
    }

    @Override
    public void close() {
        context.close();
        synchronized (ConsoleNode.class) {
            if (--running == 0) {
                SecurityContextHolder.setContextHolderStrategy(outsideStrategy);
            }
        }
    }
}
