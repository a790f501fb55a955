package com.closureconsole.database;

import org.springframework.core.env.Environment;

/**
 * The role the application connects as. Flyway migrates as the schema owner, and
 * {@link ApplicationRoleCallback} and migration V011 prepare this role: it may read and append
 * audit entries but never change or remove them.
 *
 * <p>On the embedded database it is {@code closure.embedded-database.app-user} (default
 * {@code closure_app}) with a generated password ({@link EmbeddedCredentials}). On an external
 * database it is {@code spring.datasource.username}, and the owner is {@code spring.flyway.user};
 * without a separate Flyway user the application connects as the owner, V011 grants nothing, and
 * outside demo mode the console refuses to start ({@link ProductionSafety}).
 *
 * @param appUser     the role the application connects as
 * @param appPassword its password, given to a role the console creates
 */
record DatabaseRoles(String appUser, String appPassword) {

    static DatabaseRoles external(Environment environment) {
        return new DatabaseRoles(environment.getProperty("spring.datasource.username", ""),
                environment.getProperty("spring.datasource.password", ""));
    }

    @Override
    public String toString() {
        return "DatabaseRoles[appUser=" + appUser + "]";
    }
}
