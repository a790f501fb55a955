package com.closureconsole.security;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A member of staff who signs in, with a console password or through the identity provider, and
 * the state of their lock-out window (counted by {@link SignInLockout} in SQL).
 */
@Entity
@Table(name = "staff_user")
class StaffUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String username;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "password_hash")
    private @Nullable String passwordHash;

    @Enumerated(EnumType.STRING)
    private StaffRole role;

    private boolean enabled;

    @Column(name = "failed_sign_ins")
    private int failedSignIns;

    @Column(name = "first_failed_at")
    private @Nullable Instant firstFailedAt;

    @Column(name = "locked_until")
    private @Nullable Instant lockedUntil;

    @Column(name = "oidc_issuer")
    private @Nullable String oidcIssuer;

    @Column(name = "oidc_subject")
    private @Nullable String oidcSubject;

    protected StaffUser() {
    }

    /** A member of staff seen for the first time through the identity provider; no console password. */
    static StaffUser fromProvider(String username, String displayName, StaffRole role, String issuer, String subject) {
        StaffUser user = new StaffUser();
        user.username = username;
        user.displayName = displayName;
        user.role = role;
        user.enabled = true;
        user.oidcIssuer = issuer;
        user.oidcSubject = subject;
        return user;
    }

    /** What the provider says now: its name and the role its groups give (re-read at every sign-in). */
    void refreshFromProvider(String displayName, StaffRole role) {
        this.displayName = displayName;
        this.role = role;
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    @Nullable String passwordHash() {
        return passwordHash;
    }

    StaffRole role() {
        return role;
    }

    boolean enabled() {
        return enabled;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    @Nullable Instant lockedUntil() {
        return lockedUntil;
    }
}
