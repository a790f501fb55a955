package com.closureconsole.database;

import java.util.LinkedHashMap;
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

    public final ConfigurableApplicationContext context;
    /**
     * Vaadin's security configuration installs its context holder strategy JVM-wide when a console
     * starts; the suite's shared console must get its own back when this one is done.
     */
    private final SecurityContextHolderStrategy previousStrategy;

    private ConsoleNode(ConfigurableApplicationContext context, SecurityContextHolderStrategy previousStrategy) {
        this.context = context;
        this.previousStrategy = previousStrategy;
    }

    /** The README's settings for an owner and an application role with their passwords. */
    public static Map<String, Object> readmeSettings(ExternalPostgres server, String database, String owner, String ownerPassword,
                                              String appRole, String appPassword) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", server.jdbcUrl(database));
        settings.put("spring.datasource.username", appRole);
        settings.put("spring.datasource.password", appPassword);
        settings.put("spring.flyway.user", owner);
        settings.put("spring.flyway.password", ownerPassword);
        return settings;
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
        SecurityContextHolderStrategy previous = SecurityContextHolder.getContextHolderStrategy();
        try {
            return new ConsoleNode(new SpringApplicationBuilder(Application.class).run(arguments), previous);
        } catch (RuntimeException failedToStart) {
            SecurityContextHolder.setContextHolderStrategy(previous);
            throw failedToStart;
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
        try {
            context.close();
        } finally {
            SecurityContextHolder.setContextHolderStrategy(previousStrategy);
        }
    }
}
