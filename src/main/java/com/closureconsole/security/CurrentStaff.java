package com.closureconsole.security;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who is signed in on the current request, and from where. */
@Component
public class CurrentStaff {

    /** The signed-in member of staff as the rest of the console sees them. */
    public record Staff(String username, String displayName, StaffRole role) {
    }

    /** The signed-in member of staff, if any. */
    public Optional<Staff> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null
                || "anonymousUser".equals(auth.getName())) {
            return Optional.empty();
        }
        if (auth.getPrincipal() instanceof StaffPrincipal principal) {
            return Optional.of(new Staff(principal.getUsername(), principal.displayName(), principal.role()));
        }
        if (auth.getPrincipal() instanceof StaffOidcUser principal) {
            return Optional.of(new Staff(principal.getName(), principal.displayName(), principal.role()));
        }
        StaffRole role = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(StaffRole.SUPERVISOR.authority()::equals) ? StaffRole.SUPERVISOR : StaffRole.AGENT;
        return Optional.of(new Staff(auth.getName(), auth.getName(), role));
    }

    /** The signed-in member of staff; fails when nobody is signed in. */
    public Staff require() {
        return get().orElseThrow(() -> new IllegalStateException("nobody is signed in"));
    }

    /** The address the current request came from, or {@code null} outside a web request. */
    public @Nullable String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }
}
