package com.closureconsole.database;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Outside demo mode, refuses to start (after migrating, before serving) when the console would
 * run unsafely: a staff member still has a demo password, the application's database role may
 * change or delete audit entries, or it connects as the schema owner. Each has an override for
 * an operator who accepts the risk, named in the refusal; every reason is given at once.
 */
@Component
class ProductionSafety implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ProductionSafety.class);
    /** The demo data's users, whose password is {@code demo123}. */
    private static final Set<String> DEMO_USERS = Set.of("agent1", "agent2", "supervisor1");
    private static final String DEMO_PASSWORD = "demo123";

    private final DemoMode demo;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final boolean allowDemoPasswords;
    private final boolean allowAuditChanges;
    private final boolean allowOwnerConnection;

    ProductionSafety(DemoMode demo, JdbcTemplate jdbc, PasswordEncoder passwords,
                     @Value("${closure.safety.allow-demo-passwords:false}") boolean allowDemoPasswords,
                     @Value("${closure.safety.allow-audit-changes:false}") boolean allowAuditChanges,
                     @Value("${closure.safety.allow-owner-connection:false}") boolean allowOwnerConnection) {
        this.demo = demo;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.allowDemoPasswords = allowDemoPasswords;
        this.allowAuditChanges = allowAuditChanges;
        this.allowOwnerConnection = allowOwnerConnection;
    }

    @Override
    public void afterPropertiesSet() {
        if (demo.enabled()) {
            log.warn("Demo mode: the console runs with demo settings and must not hold real customers' data");
            return;
        }
        List<String> reasons = new ArrayList<>();
        List<String> demoUsers = usersWithDemoPassword();
        if (!demoUsers.isEmpty()) {
            warnOrRefuse(reasons, allowDemoPasswords, "Staff users still have the demo password: "
                    + String.join(", ", demoUsers) + " (override: closure.safety.allow-demo-passwords=true).");
        }
        String role = jdbc.queryForObject("SELECT current_user", String.class);
        if (connectsAsOwner()) {
            warnOrRefuse(reasons, allowOwnerConnection, "The console connects to the database as " + role
                    + ", the owner of the schema: give it an application role of its own (override: "
                    + "closure.safety.allow-owner-connection=true).");
        }
        List<String> rights = auditRights();
        if (!rights.isEmpty()) {
            warnOrRefuse(reasons, allowAuditChanges, "The database role " + role + " may " + String.join(", ", rights)
                    + " audit entries (override: closure.safety.allow-audit-changes=true).");
        }
        if (!reasons.isEmpty()) {
            throw new StartupRefusal(reasons,
                    "Fix what is listed (the README's \"Run in production\" says how), or set the override named "
                            + "beside it to accept the risk.");
        }
    }

    private static void warnOrRefuse(List<String> reasons, boolean overridden, String reason) {
        if (overridden) {
            log.warn("Starting although: {}", reason);
        } else {
            reasons.add(reason);
        }
    }

    private List<String> usersWithDemoPassword() {
        return jdbc.query("SELECT username, password_hash FROM staff_user WHERE enabled AND password_hash IS NOT NULL ORDER BY username",
                (row, n) -> new String[] {row.getString(1), row.getString(2)}).stream()
                .filter(user -> DEMO_USERS.contains(user[0]) && passwords.matches(DEMO_PASSWORD, user[1])
                        || DEMO_HASHES.contains(user[1]))
                .map(user -> user[0])
                .toList();
    }

    /** The hash the demo data gives its users, recognised on any user it was copied to. */
    private static final Set<String> DEMO_HASHES = Set.of("$2a$10$QrAjg4cX80USCZ6NcjEVq.f6i.K7PFBnFXDrWTJ37YE6bhsdYvzv.");

    private boolean connectsAsOwner() {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT pg_has_role(current_user, c.relowner, 'USAGE')
                  FROM pg_class c WHERE c.oid = 'audit_entry'::regclass""", Boolean.class));
    }

    private List<String> auditRights() {
        List<String> rights = new ArrayList<>();
        for (String privilege : List.of("UPDATE", "DELETE", "TRUNCATE")) {
            if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT has_table_privilege('audit_entry', ?)",
                    Boolean.class, privilege))) {
                rights.add(privilege.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return rights;
    }
}
