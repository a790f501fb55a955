package com.closureconsole.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.closureconsole.closure.ClosureApproved;
import com.closureconsole.closure.ClosureDecisionRefused;
import com.closureconsole.closure.ClosureState;
import com.closureconsole.closure.DecisionResult;
import com.closureconsole.closure.EligibilityChecked;
import com.closureconsole.closure.EligibilityReport;
import com.closureconsole.closure.EligibilityReport.ConditionResult;
import com.closureconsole.closure.PreCheck;
import com.closureconsole.closure.conditions.Blocker;
import com.closureconsole.closure.conditions.BlockingObject;
import com.closureconsole.closure.conditions.ConditionCode;
import com.closureconsole.notification.Channel;
import com.closureconsole.notification.DeliveryAttempted;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** How the modules' events become counts, without a database. */
class ActivityMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ActivityMetrics metrics = new ActivityMetrics(registry);

    private double count(String name, String... tags) {
        return registry.find(name).tags(tags).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static DeliveryAttempted delivery(boolean sent, int attempt, Boolean willRetry) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("channel", Channel.SMS.name());
        details.put("attempt", attempt);
        if (willRetry != null) {
            details.put("willRetry", willRetry);
        }
        return new DeliveryAttempted(UUID.randomUUID(), "2088000000000001", sent, details);
    }

    @Test
    void every_closure_outcome_and_verdict_is_there_from_the_start_at_zero() {
        for (String outcome : new String[] {"submitted", "refused", "approved", "completed", "rejected", "cancelled", "failed"}) {
            assertThat(registry.find(ActivityMetrics.CLOSURES).tag("outcome", outcome).counter()).as(outcome).isNotNull();
        }
        assertThat(registry.find(ActivityMetrics.ELIGIBILITY_CHECKS).counters()).hasSize(3);
    }

    @Test
    void a_delivery_is_sent_retrying_or_failed_for_good_with_its_attempt() {
        metrics.on(delivery(true, 1, null));
        metrics.on(delivery(false, 2, true));
        metrics.on(delivery(false, 5, false));
        metrics.on(delivery(false, 12, true));
        metrics.on(delivery(false, 13, true));

        String name = ActivityMetrics.NOTIFICATION_DELIVERIES;
        assertThat(count(name, "channel", "SMS", "status", "sent", "attempt", "1")).isEqualTo(1);
        assertThat(count(name, "channel", "SMS", "status", "retrying", "attempt", "2")).isEqualTo(1);
        assertThat(count(name, "channel", "SMS", "status", "failed", "attempt", "5")).isEqualTo(1);
        assertThat(count(name, "status", "retrying", "attempt", "10+")).isEqualTo(2);
    }

    @Test
    void a_check_stopped_by_a_pre_check_is_told_apart_from_one_blocked_by_conditions() {
        Instant now = Instant.parse("2026-11-26T08:00:00Z");
        Blocker balance = Blocker.needsAction(ConditionCode.BALANCE_NOT_ZERO,
                List.of(new BlockingObject("wallet", Map.of("amount", "12.50"))));
        metrics.on(new EligibilityChecked(new EligibilityReport("a", now, PreCheck.NOT_FROZEN, List.of()), null));
        metrics.on(new EligibilityChecked(new EligibilityReport("b", now, null,
                List.of(new ConditionResult(ConditionCode.BALANCE_NOT_ZERO, balance))), null));
        metrics.on(new EligibilityChecked(new EligibilityReport("c", now, null, List.of()), null));

        assertThat(count(ActivityMetrics.ELIGIBILITY_CHECKS, "verdict", "precheck_failed")).isEqualTo(1);
        assertThat(count(ActivityMetrics.ELIGIBILITY_CHECKS, "verdict", "blocked")).isEqualTo(1);
        assertThat(count(ActivityMetrics.ELIGIBILITY_CHECKS, "verdict", "closable")).isEqualTo(1);
    }

    @Test
    void a_refused_self_approval_is_not_an_approval() {
        UUID request = UUID.randomUUID();
        ClosureDecisionRefused refused = new ClosureDecisionRefused(ClosureDecisionRefused.Decision.APPROVE, request, "a",
                ClosureState.AWAITING_APPROVAL, DecisionResult.Refusal.SELF_APPROVAL);
        // A refusal is no fact of the request: nothing listens for it as an approval.
        assertThat(refused).isNotInstanceOf(com.closureconsole.closure.ClosureRequestFact.class);
        metrics.on(new ClosureApproved(request, "a", ClosureState.AWAITING_APPROVAL, null));
        assertThat(count(ActivityMetrics.CLOSURES, "outcome", "approved")).isEqualTo(1);
    }
}
