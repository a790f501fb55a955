package com.closureconsole.closure;

import static com.closureconsole.closure.ClosureState.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every allowed and every forbidden move of a closure request. */
class ClosureStateTest {

    static final Map<ClosureState, Set<ClosureState>> ALLOWED = Map.of(
            SUBMITTED, EnumSet.of(AWAITING_APPROVAL, COOLING_OFF, COMPLETED),
            AWAITING_APPROVAL, EnumSet.of(COOLING_OFF, COMPLETED, REJECTED, CANCELLED, FAILED),
            COOLING_OFF, EnumSet.of(COMPLETED, CANCELLED, FAILED),
            COMPLETED, EnumSet.noneOf(ClosureState.class),
            REJECTED, EnumSet.noneOf(ClosureState.class),
            CANCELLED, EnumSet.noneOf(ClosureState.class),
            FAILED, EnumSet.noneOf(ClosureState.class));

    static Stream<Arguments> everyPair() {
        return Stream.of(values()).flatMap(from -> Stream.of(values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void a_move_is_allowed_exactly_when_the_flow_allows_it(ClosureState from, ClosureState to) {
        assertThat(from.canMoveTo(to)).isEqualTo(ALLOWED.get(from).contains(to));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void a_request_refuses_a_forbidden_move_and_keeps_its_state(ClosureState from, ClosureState to) {
        ClosureRequest request = requestIn(from);
        if (ALLOWED.get(from).contains(to)) {
            request.moveTo(to, java.time.Instant.now());
            assertThat(request.state()).isEqualTo(to);
        } else {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> request.moveTo(to, java.time.Instant.now()))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(request.state()).isEqualTo(from);
        }
    }

    @org.junit.jupiter.api.Test
    void only_requests_in_flight_hold_the_account() {
        assertThat(EnumSet.allOf(ClosureState.class).stream().filter(ClosureState::active))
                .containsExactlyInAnyOrder(SUBMITTED, AWAITING_APPROVAL, COOLING_OFF);
    }

    /** Walks a new request along allowed moves to {@code state}. */
    private static ClosureRequest requestIn(ClosureState state) {
        ClosureRequest request = new ClosureRequest(java.util.UUID.randomUUID(), "2088000000000001", "k", "agent1",
                VerificationMethod.REAL_NAME_ID_AND_SMS, "v", ClosureReason.OTHER, "t", TaobaoOutcome.NONE,
                java.time.Instant.now());
        var now = java.time.Instant.now();
        switch (state) {
            case SUBMITTED -> { }
            case AWAITING_APPROVAL -> request.moveTo(AWAITING_APPROVAL, now);
            case COOLING_OFF -> request.moveTo(COOLING_OFF, now);
            case COMPLETED -> request.moveTo(COMPLETED, now);
            case REJECTED -> { request.moveTo(AWAITING_APPROVAL, now); request.moveTo(REJECTED, now); }
            case CANCELLED -> { request.moveTo(COOLING_OFF, now); request.moveTo(CANCELLED, now); }
            case FAILED -> { request.moveTo(COOLING_OFF, now); request.moveTo(FAILED, now); }
        }
        return request;
    }
}
