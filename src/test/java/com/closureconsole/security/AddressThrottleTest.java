package com.closureconsole.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AddressThrottleTest {

    private Instant now = Instant.parse("2026-01-05T09:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final AddressThrottle throttle = new AddressThrottle(clock, 3, Duration.ofSeconds(1), Duration.ofSeconds(10),
            Duration.ofMinutes(15));

    @Test
    void the_first_failures_cost_nothing_then_the_wait_doubles_up_to_its_limit() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.recordFailure("10.0.0.1")).isZero();
            assertThat(throttle.waitFor("10.0.0.1")).isEmpty();
        }
        assertThat(throttle.recordFailure("10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("10.0.0.1")).contains(Duration.ofSeconds(1));
        assertThat(throttle.recordFailure("10.0.0.1")).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.recordFailure("10.0.0.1")).isEqualTo(Duration.ofSeconds(4));
        assertThat(throttle.recordFailure("10.0.0.1")).isEqualTo(Duration.ofSeconds(8));
        assertThat(throttle.recordFailure("10.0.0.1")).isEqualTo(Duration.ofSeconds(10));
        assertThat(throttle.recordFailure("10.0.0.1")).isEqualTo(Duration.ofSeconds(10));
        assertThat(throttle.waitFor("10.0.0.2")).as("another address").isEmpty();
    }

    @Test
    void an_address_may_try_again_once_its_wait_is_over_and_is_forgotten_after_a_quiet_window() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("10.0.0.1");
        }
        assertThat(throttle.waitFor("10.0.0.1")).contains(Duration.ofSeconds(2));
        now = now.plusSeconds(1);
        assertThat(throttle.waitFor("10.0.0.1")).contains(Duration.ofSeconds(1));
        now = now.plusSeconds(1);
        assertThat(throttle.waitFor("10.0.0.1")).isEqualTo(Optional.empty());

        now = now.plus(Duration.ofMinutes(16));
        assertThat(throttle.recordFailure("10.0.0.1")).as("counted afresh").isZero();
    }

    @Test
    void a_request_without_an_address_is_never_throttled() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.recordFailure(null)).isZero();
        }
        assertThat(throttle.waitFor(null)).isEmpty();
    }
}
