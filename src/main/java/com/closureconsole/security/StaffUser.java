package com.closureconsole.security;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A member of staff who signs in, with the state of their lock-out window. */
@Entity
@Table(name = "staff_user")
class StaffUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private StaffRole role;

    private boolean enabled;

    @Column(name = "failed_sign_ins")
    private int failedSignIns;

    @Column(name = "first_failed_at")
    private Instant firstFailedAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected StaffUser() {
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    String passwordHash() {
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

    Instant lockedUntil() {
        return lockedUntil;
    }

    /**
     * Counts a failed sign-in. The window opens at the first failure; reaching {@code limit}
     * failures inside it locks the user for {@code lockFor}.
     */
    void recordFailure(Instant now, int limit, Duration window, Duration lockFor) {
        if (firstFailedAt == null || now.isAfter(firstFailedAt.plus(window))) {
            firstFailedAt = now;
            failedSignIns = 0;
        }
        failedSignIns++;
        if (failedSignIns >= limit) {
            lockedUntil = now.plus(lockFor);
            failedSignIns = 0;
            firstFailedAt = null;
        }
    }

    void recordSuccess() {
        failedSignIns = 0;
        firstFailedAt = null;
        lockedUntil = null;
    }
}
