package com.closureconsole.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when no external database is configured: neither {@code spring.datasource.url} nor its
 * environment form {@code SPRING_DATASOURCE_URL} is set.
 */
class NoExternalDatabaseCondition implements Condition {

    static boolean externalDatabaseConfigured(org.springframework.core.env.Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        return url != null && !url.isBlank();
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !externalDatabaseConfigured(context.getEnvironment());
    }
}
