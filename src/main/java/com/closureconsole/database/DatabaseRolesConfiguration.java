package com.closureconsole.database;

import java.util.HashMap;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
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

    /**
     * The application's pool, embedded or external, hands its connections out first come, first
     * served ({@link FirstComeFirstServed}); wrapped once the pool's settings are bound.
     */
    @Bean
    static FirstComeFirstServedPool firstComeFirstServed(ObjectProvider<MeterRegistry> meters) {
        return new FirstComeFirstServedPool(meters);
    }

    /**
     * Wraps the pool itself, before any other post-processor wraps what it made of it (its type, not
     * {@code BeanPostProcessor}, is what the factory method declares, so that Spring sees its order).
     */
    record FirstComeFirstServedPool(ObjectProvider<MeterRegistry> meters) implements BeanPostProcessor, Ordered {

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof HikariDataSource pool && beanName.equals("dataSource")
                    ? new FirstComeFirstServed(pool, meters.getIfAvailable()) : bean;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
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
