package com.closureconsole.closure;

import static com.closureconsole.closure.ClosureState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
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
        Instant now = Instant.now();
        if (to == SUBMITTED) {
            // A request starts SUBMITTED and offers no way back there.
            assertThat(ALLOWED.get(from)).doesNotContain(SUBMITTED);
            return;
        }
        String decidedBefore = request.view().decidedBy();
        if (ALLOWED.get(from).contains(to)) {
            move(request, to, now);
            assertThat(request.state()).isEqualTo(to);
            assertThat(request.view().finishedAt()).isEqualTo(to.finished() ? now : null);
        } else {
            assertThatThrownBy(() -> move(request, to, now)).isInstanceOf(IllegalStateException.class);
            assertThat(request.state()).isEqualTo(from);
            assertThat(request.view().decidedBy()).isEqualTo(decidedBefore);
        }
    }

    @Test
    void the_initiator_may_not_approve_and_only_a_request_awaiting_approval_can_be_decided() {
        ClosureRequest awaiting = requestIn(AWAITING_APPROVAL);
        assertThat(awaiting.refusalToApprove("agent1")).contains(DecisionResult.Refusal.SELF_APPROVAL);
        assertThatThrownBy(() -> awaiting.approve("agent1", null)).isInstanceOf(IllegalStateException.class);
        assertThat(awaiting.refusalToApprove("supervisor1")).isEmpty();
        awaiting.approve("supervisor1", "ok");
        assertThat(awaiting.view().decidedBy()).isEqualTo("supervisor1");

        ClosureRequest coolingOff = requestIn(COOLING_OFF);
        assertThat(coolingOff.refusalToApprove("supervisor1")).contains(DecisionResult.Refusal.ALREADY_DECIDED);
        assertThat(coolingOff.refusalToReject()).contains(DecisionResult.Refusal.ALREADY_DECIDED);
    }

    @Test
    void a_cooling_off_request_can_be_cancelled_until_it_is_due_and_not_after() {
        ClosureRequest request = requestIn(COOLING_OFF);
        Instant due = request.view().dueAt();
        assertThat(request.refusalToCancel(due.minusSeconds(1))).isEmpty();
        assertThat(request.refusalToCancel(due)).contains(DecisionResult.Refusal.TOO_LATE_TO_CANCEL);
        assertThatThrownBy(() -> request.cancel("agent1", null, due)).isInstanceOf(IllegalStateException.class);
        assertThat(request.state()).isEqualTo(COOLING_OFF);
        request.cancel("agent1", "changed mind", due.minusSeconds(1));
        assertThat(request.state()).isEqualTo(CANCELLED);
        assertThat(request.view().decisionReason()).isEqualTo("changed mind");
    }

    @Test
    void the_closures_that_hold_the_account_are_exactly_the_unfinished_ones() {
        assertThat(ClosureSubmission.IN_FLIGHT).containsExactlyInAnyOrderElementsOf(
                EnumSet.allOf(ClosureState.class).stream().filter(state -> !state.finished()).toList());
    }

    /** The request's own method for a move to {@code target}. */
    private static void move(ClosureRequest request, ClosureState target, Instant now) {
        switch (target) {
            case AWAITING_APPROVAL -> request.awaitApproval(now);
            case COOLING_OFF -> request.coolOffUntil(now.plusSeconds(3600), now);
            case COMPLETED -> request.complete(now);
            case REJECTED -> request.reject("supervisor1", "not the customer", now);
            case CANCELLED -> request.cancel("agent1", "changed mind", now);
            case FAILED -> request.fail("BALANCE_NOT_ZERO", now);
            case SUBMITTED -> throw new IllegalArgumentException("no move leads to SUBMITTED");
        }
    }

    /** Walks a new request along allowed moves to {@code state}. */
    private static ClosureRequest requestIn(ClosureState state) {
        ClosureRequest request = new ClosureRequest(UUID.randomUUID(), "2088000000000001", "k", "agent1",
                VerificationMethod.REAL_NAME_ID_AND_SMS, "v", ClosureReason.OTHER, "t", TaobaoOutcome.NONE,
                Instant.now());
        Instant now = Instant.now();
        switch (state) {
            case SUBMITTED -> { }
            case AWAITING_APPROVAL, COOLING_OFF, COMPLETED -> move(request, state, now);
            case REJECTED -> { request.awaitApproval(now); request.reject("supervisor1", "r", now); }
            case CANCELLED -> { request.coolOffUntil(now.plusSeconds(3600), now); request.cancel("agent1", null, now); }
            case FAILED -> { request.coolOffUntil(now.plusSeconds(3600), now); request.fail("x", now); }
        }
        return request;
    }
}
