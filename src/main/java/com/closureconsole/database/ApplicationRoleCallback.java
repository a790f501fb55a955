package com.closureconsole.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before Flyway migrates, on the owner's connection: refuses an unsupported PostgreSQL
 * version, and makes sure the application role exists before migration V011 grants it its rights.
 *
 * <p>A missing role is created {@code LOGIN} with the configured password, which is sent as a
 * SCRAM-SHA-256 verifier computed here (pgjdbc's {@code alterUserPassword}), so the password
 * itself reaches neither the server's statement log nor Flyway's schema history. An owner without
 * {@code CREATEROLE} is told to have the role created beforehand. A role that already exists is
 * left as the DBA made it, except on the embedded database, whose generated password the console
 * owns and sets on every start.
 */
class ApplicationRoleCallback implements Callback {

    private static final Logger log = LoggerFactory.getLogger(ApplicationRoleCallback.class);

    private final DatabaseRoles roles;
    private final boolean embedded;
    private final boolean allowUntestedVersion;

    ApplicationRoleCallback(DatabaseRoles roles, boolean embedded, boolean allowUntestedVersion) {
        this.roles = roles;
        this.embedded = embedded;
        this.allowUntestedVersion = allowUntestedVersion;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try {
            checkVersion(connection);
            ensureApplicationRole(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the application role " + roles.appUser()
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "closure-console-application-role";
    }

    private void checkVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT current_setting('server_version_num')::int, current_setting('server_version')")) {
            row.next();
            SupportedVersions.check(row.getInt(1), row.getString(2), allowUntestedVersion);
            log.info("Database server: PostgreSQL {}", row.getString(2));
        }
    }

    private void ensureApplicationRole(Connection connection) throws SQLException {
        String owner = currentUser(connection);
        if (roles.appUser().isBlank() || roles.appUser().equals(owner)) {
            return;
        }
        boolean exists = exists(connection, roles.appUser());
        if (exists && !embedded) {
            log.info("Application role {} exists; migration V011 grants it its rights", roles.appUser());
            return;
        }
        if (!exists) {
            if (!mayCreateRoles(connection)) {
                throw new StartupRefusal("The application role " + roles.appUser() + " does not exist, and the schema owner "
                        + owner + " may not create roles.",
                        "Have a DBA create it (CREATE ROLE " + roles.appUser() + " LOGIN PASSWORD '…'), or give the owner "
                                + "CREATEROLE; the README's \"Run in production\" shows both.");
            }
            try (PreparedStatement format = connection.prepareStatement("SELECT format('CREATE ROLE %I LOGIN', ?)")) {
                format.setString(1, roles.appUser());
                try (ResultSet sql = format.executeQuery(); Statement create = connection.createStatement()) {
                    sql.next();
                    create.execute(sql.getString(1));
                }
            }
            log.info("Created the application role {}", roles.appUser());
        }
        if (roles.appPassword().isEmpty()) {
            throw new StartupRefusal("No password is configured for the application role " + roles.appUser() + ".",
                    "Set SPRING_DATASOURCE_PASSWORD.");
        }
        connection.unwrap(PGConnection.class)
                .alterUserPassword(roles.appUser(), roles.appPassword().toCharArray(), "scram-sha-256");
    }

    private static String currentUser(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_user")) {
            row.next();
            return row.getString(1);
        }
    }

    private static boolean exists(Connection connection, String role) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, role);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private static boolean mayCreateRoles(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")) {
            return row.next() && row.getBoolean(1);
        }
    }
}
