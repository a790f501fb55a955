package com.closureconsole.security;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.closureconsole.security.SignInFailures.LockedOutException;
import com.closureconsole.security.SignInFailures.PasswordSignInOffException;
import com.closureconsole.security.SignInFailures.ThrottledException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a staff user's console password. Gives nothing away about which user names exist: an
 * unknown user, a wrong password, a locked, disabled or password-less user all run the same
 * BCrypt comparison and get the same answer on the sign-in page (the audit records which it
 * was). A client address that keeps failing is made to wait ({@link AddressThrottle}); a user
 * who keeps failing is locked ({@link SignInLockout}).
 */
@Component
class StaffPasswordAuthentication implements AuthenticationProvider {

    private final StaffUserRepository users;
    private final PasswordEncoder passwords;
    private final SignInLockout lockout;
    private final AddressThrottle throttle;
    private final PasswordSignIn policy;
    private final Clock clock;
    /** Compared with when there is no hash to compare with, so that it costs the same time. */
    private final String standInHash;

    StaffPasswordAuthentication(StaffUserRepository users, PasswordEncoder passwords, SignInLockout lockout,
                                AddressThrottle throttle, PasswordSignIn policy, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.lockout = lockout;
        this.throttle = throttle;
        this.policy = policy;
        this.clock = clock;
        this.standInHash = passwords.encode(UUID.randomUUID().toString());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        Optional<java.time.Duration> wait = throttle.waitFor(address);
        if (wait.isPresent()) {
            throw new ThrottledException(wait.get());
        }
        String username = attempt.getName() == null ? "" : attempt.getName().strip().toLowerCase(Locale.ROOT);
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        StaffUser user;
        boolean locked;
        try {
            user = users.findByUsername(username).orElse(null);
            locked = user != null && user.lockedAt(clock.instant());
        } catch (DataAccessException unreadable) {
            throw new InternalAuthenticationServiceException("the staff users cannot be read", unreadable);
        }
        String hash = user == null ? null : user.passwordHash();
        boolean matches = passwords.matches(password, hash == null ? standInHash : hash) && hash != null;

        if (user == null || hash == null) {
            throw failed(address, new BadCredentialsException("no such user, or no password"));
        }
        if (!policy.allows(username)) {
            throw failed(address, new PasswordSignInOffException());
        }
        if (locked) {
            throw failed(address, new LockedException("locked after too many failed sign-ins"));
        }
        if (!matches) {
            throw failed(address, countFailure(username) ? new LockedOutException() : new BadCredentialsException("wrong password"));
        }
        if (!user.enabled()) {
            throw failed(address, new DisabledException("disabled in the console"));
        }
        try {
            lockout.recordSuccess(username);
        } catch (DataAccessException unwritable) {
            throw new InternalAuthenticationServiceException("the sign-in could not be recorded", unwritable);
        }
        StaffPrincipal principal = new StaffPrincipal(user, false);
        UsernamePasswordAuthenticationToken signedIn =
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        signedIn.setDetails(attempt.getDetails());
        return signedIn;
    }

    private boolean countFailure(String username) {
        try {
            return lockout.recordFailure(username);
        } catch (DataAccessException unwritable) {
            throw new InternalAuthenticationServiceException("the failed sign-in could not be counted", unwritable);
        }
    }

    private AuthenticationException failed(@Nullable String address, AuthenticationException failure) {
        throttle.recordFailure(address);
        return failure;
    }
}
