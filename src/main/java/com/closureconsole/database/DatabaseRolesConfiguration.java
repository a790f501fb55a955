package com.closureconsole.database;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Which role the application connects as, handed to migration V011 that grants it its rights. */
@Configuration(proxyBeanMethods = false)
class DatabaseRolesConfiguration {

    @Bean
    DatabaseRoles databaseRoles(Environment environment) {
        return DatabaseRoles.from(environment);
    }

    /** The placeholders {@code appUser} and {@code appPassword} of V011. */
    @Bean
    FlywayConfigurationCustomizer applicationRolePlaceholders(DatabaseRoles roles) {
        return configuration -> {
            Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
            placeholders.put("appUser", roles.appUser());
            placeholders.put("appPassword", roles.appPassword());
            configuration.placeholders(placeholders);
        };
    }
}
