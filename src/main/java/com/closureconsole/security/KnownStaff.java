package com.closureconsole.security;

import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells a staff user name from anything else typed into the sign-in form. */
@Component
public class KnownStaff {

    private final StaffUserRepository users;

    KnownStaff(StaffUserRepository users) {
        this.users = users;
    }

    /** Whether {@code typed} (trimmed, any case) is the user name of a member of staff. */
    @Transactional(readOnly = true)
    public boolean isStaff(String typed) {
        return typed != null && !typed.isBlank() && users.findByUsername(typed.strip().toLowerCase(Locale.ROOT)).isPresent();
    }
}
