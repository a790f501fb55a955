/**
 * Sign-in and roles: staff sign in through the company's OpenID Connect provider when one is
 * configured (roles from its groups, a second factor for supervisors where required), or with a
 * BCrypt-hashed console password where {@code PasswordSignIn} allows it, with lock-out and
 * per-address throttling of failures; the session's limits and the trusted proxies; the
 * {@link com.closureconsole.security.LoginView}.
 *
 * <p><b>Owns</b> the staff users ({@code staff_user}). <b>API:</b> the signed-in member of staff
 * and their role ({@link com.closureconsole.security.CurrentStaff}, the one way to ask;
 * {@link com.closureconsole.security.StaffRole}), whether a typed name is a member of staff
 * ({@link com.closureconsole.security.KnownStaff}), the one language switch
 * ({@link com.closureconsole.security.LanguageSwitch}, on the sign-in page and in the shell), the
 * recording of a refused view ({@link com.closureconsole.security.AccessRefusals}), and the events
 * the audit records ({@link com.closureconsole.security.RouteDenied},
 * {@link com.closureconsole.security.ProviderSignInRefused},
 * {@link com.closureconsole.security.StaffOidcUser} on Spring Security's own events).
 * <b>Uses</b> {@code database} (demo mode) and {@code shared}; <b>used by</b> {@code audit},
 * {@code checklist}, {@code closure} and {@code ui}. With {@code ui}, the only module that uses
 * Vaadin (for the sign-in page and the language switch).
 */
@NullMarked
package com.closureconsole.security;

import org.jspecify.annotations.NullMarked;
