package com.closureconsole.database;

import org.flywaydb.core.api.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Adds {@code db/demo} to Flyway's locations, so its idempotent {@code afterMigrate.sql} loads the
 * demo data, on the embedded database by default and on an external one only when
 * {@code closure.demo-data=true}.
 */
@Configuration(proxyBeanMethods = false)
class DemoDataConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoDataConfiguration.class);

    @Bean
    FlywayConfigurationCustomizer demoDataLocation(Environment environment) {
        boolean embedded = !NoExternalDatabaseCondition.externalDatabaseConfigured(environment);
        boolean demoData = environment.getProperty("closure.demo-data", Boolean.class, embedded);
        return configuration -> {
            if (demoData) {
                log.info("Flyway loads the demo data after migrating");
                Location[] current = configuration.getLocations();
                Location[] withDemo = java.util.Arrays.copyOf(current, current.length + 1);
                withDemo[current.length] = new Location("classpath:db/demo");
                configuration.locations(withDemo);
            }
        };
    }
}
