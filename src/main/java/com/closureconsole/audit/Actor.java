package com.closureconsole.audit;

import com.closureconsole.security.CurrentStaff;
import org.jspecify.annotations.Nullable;

/**
 * Who did an audited action, and from where. {@value #SYSTEM} when nobody is signed in (scheduled
 * jobs); the role is then {@code null}.
 */
record Actor(String name, @Nullable String role, @Nullable String clientAddress) {

    static final String SYSTEM = "system";

    Actor {
        name = clip(name == null || name.isBlank() ? SYSTEM : name.strip(), 64);
        role = clip(role, 16);
        clientAddress = clip(clientAddress, 64);
    }

    /** The signed-in member of staff on this thread, or the system. */
    static Actor current(CurrentStaff staff) {
        String address = staff.clientAddress();
        return staff.get()
                .map(s -> new Actor(s.username(), s.role().name(), address))
                .orElseGet(() -> new Actor(SYSTEM, null, address));
    }

    private static @Nullable String clip(@Nullable String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
