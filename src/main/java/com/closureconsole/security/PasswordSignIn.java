package com.closureconsole.security;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Who may sign in with a console password. Everybody in a demo or when no identity provider is
 * configured; outside demo mode with a provider, nobody unless
 * {@code closure.security.password-sign-in.enabled=true} (everybody) or the user is named in
 * {@code closure.security.password-sign-in.break-glass-users} (the emergency accounts for when the
 * provider is down). {@code enabled=false} switches it off entirely, even in a demo.
 *
 * @param everybody      every staff user with a password may use it
 * @param breakGlassUsers the users who may use their password when the others may not
 */
record PasswordSignIn(boolean everybody, Set<String> breakGlassUsers) {

    PasswordSignIn {
        breakGlassUsers = Set.copyOf(breakGlassUsers);
    }

    /**
     * @param enabled the operator's {@code closure.security.password-sign-in.enabled}, or {@code null} when unset
     */
    static PasswordSignIn decide(boolean demo, boolean providerConfigured, @Nullable Boolean enabled, Collection<String> breakGlassUsers) {
        boolean everybody = enabled != null ? enabled : demo || !providerConfigured;
        return new PasswordSignIn(everybody, breakGlassUsers.stream()
                .map(name -> name.strip().toLowerCase(Locale.ROOT)).filter(name -> !name.isEmpty())
                .collect(Collectors.toSet()));
    }

    /** Whether {@code username} (normalised) may sign in with a password. */
    boolean allows(String username) {
        return everybody || breakGlassUsers.contains(username);
    }

    /** Whether the sign-in page offers the password form at all. */
    boolean offered() {
        return everybody || !breakGlassUsers.isEmpty();
    }
}
