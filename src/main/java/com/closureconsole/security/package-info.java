/**
 * Sign-in and roles: staff sign in through the company's OpenID Connect provider when one is
 * configured (roles from its groups, a second factor for supervisors where required), or with a
 * BCrypt-hashed console password where {@link com.closureconsole.security.PasswordSignIn} allows
 * it, lock-out and per-address throttling of failures; the roles
 * {@link com.closureconsole.security.StaffRole#AGENT AGENT} and
 * {@link com.closureconsole.security.StaffRole#SUPERVISOR SUPERVISOR}, the signed-in user
 * ({@link com.closureconsole.security.CurrentStaff}) and the
 * {@link com.closureconsole.security.LoginView}.
 */
@NullMarked
package com.closureconsole.security;

import org.jspecify.annotations.NullMarked;
