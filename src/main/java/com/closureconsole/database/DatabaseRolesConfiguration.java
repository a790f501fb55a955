package com.closureconsole.database;

import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Which role the application connects as: the callback that checks the server and prepares that
 * role before Flyway migrates, and the {@code appUser} placeholder of migration V011 that grants
 * it its rights. The password is never a placeholder: Flyway would keep it in its configuration.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseRolesConfiguration {

    @Bean
    DemoMode demoMode(Environment environment) {
        return DemoMode.from(environment);
    }

    @Bean
    DatabaseRoles databaseRoles(Environment environment, ObjectProvider<EmbeddedCredentials> embedded) {
        EmbeddedCredentials credentials = embedded.getIfAvailable();
        return credentials != null ? credentials.roles() : DatabaseRoles.external(environment);
    }

    @Bean
    ApplicationRoleCallback applicationRoleCallback(DatabaseRoles roles, Environment environment) {
        return new ApplicationRoleCallback(roles, !NoExternalDatabaseCondition.externalDatabaseConfigured(environment),
                environment.getProperty("closure.database.allow-untested-version", Boolean.class, false));
    }

    /** The placeholder {@code appUser} of V011. */
    @Bean
    FlywayConfigurationCustomizer applicationRolePlaceholder(DatabaseRoles roles) {
        return configuration -> {
            Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
            placeholders.put("appUser", roles.appUser());
            configuration.placeholders(placeholders);
        };
    }
}
