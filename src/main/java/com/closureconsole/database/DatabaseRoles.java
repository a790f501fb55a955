package com.closureconsole.database;

import org.springframework.core.env.Environment;

/**
 * The two database roles: the owner that Flyway migrates as, and the application's role, which
 * migration V011 creates if needed and grants everything except changing or removing audit
 * entries.
 *
 * <p>On the embedded database the application role is {@code closure.embedded-database.app-user}
 * (default {@code closure_app}) with {@code closure.embedded-database.app-password}. On an external
 * database it is {@code spring.datasource.username}, and the owner is {@code spring.flyway.user};
 * without a separate Flyway user the application connects as the owner and V011 grants nothing.
 *
 * @param appUser     the role the application connects as
 * @param appPassword its password (the embedded cluster trusts local connections; a role V011
 *                    creates on an external database gets this password)
 */
record DatabaseRoles(String appUser, String appPassword) {

    static DatabaseRoles from(Environment environment) {
        if (NoExternalDatabaseCondition.externalDatabaseConfigured(environment)) {
            return new DatabaseRoles(environment.getProperty("spring.datasource.username", ""),
                    environment.getProperty("spring.datasource.password", ""));
        }
        return new DatabaseRoles(environment.getProperty("closure.embedded-database.app-user", "closure_app"),
                environment.getProperty("closure.embedded-database.app-password", "closure-app-demo"));
    }

    @Override
    public String toString() {
        return "DatabaseRoles[appUser=" + appUser + "]";
    }
}
