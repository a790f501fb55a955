package com.closureconsole.security;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is signed in on the current request, and from where: the one place the console derives the
 * signed-in member of staff and their role, for the views, the services and the audit alike.
 */
@Component
public class CurrentStaff {

    /** The signed-in member of staff as the rest of the console sees them. */
    public record Staff(String username, String displayName, StaffRole role) {
    }

    /** The signed-in member of staff, if any. */
    public Optional<Staff> get() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /**
     * The member of staff an authentication stands for: empty when it is missing, anonymous, or
     * holds no staff role. The role is the one the sign-in gave ({@link #role}).
     */
    public static Optional<Staff> of(@Nullable Authentication auth) {
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null
                || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        if (auth.getPrincipal() instanceof StaffPrincipal principal) {
            return Optional.of(new Staff(principal.getUsername(), principal.displayName(), principal.role()));
        }
        if (auth.getPrincipal() instanceof StaffOidcUser principal) {
            return Optional.of(new Staff(principal.getName(), principal.displayName(), principal.role()));
        }
        return role(auth).map(role -> new Staff(auth.getName(), auth.getName(), role));
    }

    /**
     * The staff role an authentication holds: {@code SUPERVISOR} when it has that authority, else
     * {@code AGENT} when it has that one, else none (it is no member of staff).
     */
    public static Optional<StaffRole> role(@Nullable Authentication auth) {
        if (auth == null) {
            return Optional.empty();
        }
        boolean supervisor = false;
        boolean agent = false;
        for (GrantedAuthority authority : auth.getAuthorities()) {
            supervisor |= StaffRole.SUPERVISOR.authority().equals(authority.getAuthority());
            agent |= StaffRole.AGENT.authority().equals(authority.getAuthority());
        }
        return supervisor ? Optional.of(StaffRole.SUPERVISOR) : agent ? Optional.of(StaffRole.AGENT) : Optional.empty();
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
