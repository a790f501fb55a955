package com.closureconsole.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing from one client address, whichever user names it tries: after
 * {@code closure.security.throttle.free-failures} failed sign-ins, the address must wait
 * {@code first-delay} before its next attempt is even checked, and the wait doubles with each
 * further failure up to {@code max-delay}. An address is forgotten {@code window} after its last
 * failure. A success does not clear the count (one valid account must not reset the guessing).
 * The counts live in this node's memory: each node behind a load balancer throttles on its own,
 * and a restart forgets them; the per-user lock in the database holds across nodes.
 */
@Component
class AddressThrottle {

    /** Beyond this many tracked addresses, those quiet for a whole window are dropped first. */
    private static final int TRACKED_LIMIT = 100_000;

    private record Failures(int count, Instant last, Instant nextAllowed) {
    }

    private final ConcurrentMap<String, Failures> addresses = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int freeFailures;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Duration window;

    AddressThrottle(Clock clock,
                    @Value("${closure.security.throttle.free-failures:5}") int freeFailures,
                    @Value("${closure.security.throttle.first-delay:1s}") Duration firstDelay,
                    @Value("${closure.security.throttle.max-delay:5m}") Duration maxDelay,
                    @Value("${closure.security.throttle.window:15m}") Duration window) {
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.window = window;
    }

    /** How long {@code address} must still wait before an attempt from it is checked; empty when it may try now. */
    Optional<Duration> waitFor(@Nullable String address) {
        if (address == null) {
            return Optional.empty();
        }
        Failures failures = addresses.get(address);
        Instant now = clock.instant();
        if (failures == null || !now.isBefore(failures.nextAllowed())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, failures.nextAllowed()));
    }

    /** Counts a failed sign-in from {@code address}; answers the wait it now has before its next attempt. */
    Duration recordFailure(@Nullable String address) {
        if (address == null) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        if (addresses.size() >= TRACKED_LIMIT) {
            addresses.values().removeIf(failures -> failures.last().plus(window).isBefore(now));
        }
        Failures counted = addresses.merge(address, new Failures(1, now, now.plus(delayAfter(1))), (old, one) -> {
            int count = old.last().plus(window).isBefore(now) ? 1 : old.count() + 1;
            return new Failures(count, now, now.plus(delayAfter(count)));
        });
        Duration wait = Duration.between(now, counted.nextAllowed());
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** No wait for the first free failures, then first-delay, doubling, never above max-delay. */
    Duration delayAfter(int failures) {
        int over = failures - freeFailures;
        if (over <= 0) {
            return Duration.ZERO;
        }
        Duration delay = firstDelay;
        for (int i = 1; i < over && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
