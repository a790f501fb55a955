package com.closureconsole.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks a staff user after {@code closure.security.max-failed-sign-ins} wrong passwords within
 * {@code closure.security.failure-window}, for {@code closure.security.lock-duration}; a
 * successful sign-in clears the count.
 */
@Component
class SignInLockout {

    private final StaffUserRepository users;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Duration lockFor;

    SignInLockout(StaffUserRepository users, Clock clock,
                  @Value("${closure.security.max-failed-sign-ins:5}") int maxFailures,
                  @Value("${closure.security.failure-window:15m}") Duration window,
                  @Value("${closure.security.lock-duration:15m}") Duration lockFor) {
        this.users = users;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockFor = lockFor;
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getName()).trim().toLowerCase(Locale.ROOT);
        users.findByUsername(username)
                .ifPresent(user -> user.recordFailure(clock.instant(), maxFailures, window, lockFor));
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        users.findByUsername(event.getAuthentication().getName()).ifPresent(StaffUser::recordSuccess);
    }
}
