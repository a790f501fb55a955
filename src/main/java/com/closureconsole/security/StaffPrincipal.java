package com.closureconsole.security;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in member of staff as Spring Security holds them, with the name the console shows. */
class StaffPrincipal extends User {

    private final String displayName;
    private final StaffRole role;

    StaffPrincipal(StaffUser user, boolean locked) {
        super(user.username(), user.passwordHash(), user.enabled(), true, true, !locked,
                List.of(new SimpleGrantedAuthority(user.role().authority())));
        this.displayName = user.displayName();
        this.role = user.role();
    }

    public String displayName() {
        return displayName;
    }

    public StaffRole role() {
        return role;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
