package com.closureconsole.security;

/** What a member of staff may do in the console. */
public enum StaffRole {
    /** Looks accounts up and starts closures. */
    AGENT,
    /** Sees all an agent sees, approves closures and works with the audit trail. */
    SUPERVISOR;

    /** The Spring Security authority that stands for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
