package com.closureconsole.security;

import java.time.Duration;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * The ways a password sign-in fails besides Spring Security's own, each with the failure event it
 * is published as ({@code SecurityConfiguration} maps them), so that the audit records each by its
 * own reason while the person signing in is told no more than before.
 */
final class SignInFailures {

    private SignInFailures() {
    }

    /** Too many failed sign-ins from this client address: it must wait before the next one is checked. */
    static final class ThrottledException extends AuthenticationException {
        final Duration wait;

        ThrottledException(Duration wait) {
            super("too many failed sign-ins from this address; next attempt in " + wait);
            this.wait = wait;
        }
    }

    /** The wrong password that locked the user. */
    static final class LockedOutException extends LockedException {
        LockedOutException() {
            super("locked after too many failed sign-ins");
        }
    }

    /** Password sign-in is switched off for this user (the company's identity provider signs staff in). */
    static final class PasswordSignInOffException extends BadCredentialsException {
        PasswordSignInOffException() {
            super("password sign-in is switched off for this user");
        }
    }

    /** Published for {@link ThrottledException}. */
    public static final class AuthenticationFailureThrottledEvent extends AbstractAuthenticationFailureEvent {
        public AuthenticationFailureThrottledEvent(Authentication authentication, AuthenticationException exception) {
            super(authentication, exception);
        }
    }

    /** Published for {@link LockedOutException}: the moment a user is locked. */
    public static final class AuthenticationFailureLockedOutEvent extends AbstractAuthenticationFailureEvent {
        public AuthenticationFailureLockedOutEvent(Authentication authentication, AuthenticationException exception) {
            super(authentication, exception);
        }
    }

    /** Published for {@link PasswordSignInOffException}. */
    public static final class AuthenticationFailurePasswordSignInOffEvent extends AbstractAuthenticationFailureEvent {
        public AuthenticationFailurePasswordSignInOffEvent(Authentication authentication, AuthenticationException exception) {
            super(authentication, exception);
        }
    }
}
