package com.closureconsole.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import com.closureconsole.audit.AuditAction;
import com.closureconsole.audit.AuditEvent;
import com.closureconsole.audit.AuditOutcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** How audit events become counts, without a database. */
class ActivityMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ActivityMetrics metrics = new ActivityMetrics(registry);

    private double count(String name, String... tags) {
        return registry.find(name).tags(tags).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static AuditEvent delivery(AuditOutcome outcome, int attempt, Boolean willRetry) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("channel", "SMS");
        details.put("attempt", attempt);
        if (willRetry != null) {
            details.put("willRetry", willRetry);
        }
        return AuditEvent.of(AuditAction.NOTIFICATION_DELIVERY, "2088000000000001", outcome, details);
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
        metrics.on(delivery(AuditOutcome.SUCCESS, 1, null));
        metrics.on(delivery(AuditOutcome.FAILURE, 2, true));
        metrics.on(delivery(AuditOutcome.FAILURE, 5, false));
        metrics.on(delivery(AuditOutcome.FAILURE, 12, true));
        metrics.on(delivery(AuditOutcome.FAILURE, 13, true));

        String name = ActivityMetrics.NOTIFICATION_DELIVERIES;
        assertThat(count(name, "channel", "SMS", "status", "sent", "attempt", "1")).isEqualTo(1);
        assertThat(count(name, "channel", "SMS", "status", "retrying", "attempt", "2")).isEqualTo(1);
        assertThat(count(name, "channel", "SMS", "status", "failed", "attempt", "5")).isEqualTo(1);
        assertThat(count(name, "status", "retrying", "attempt", "10+")).isEqualTo(2);
    }

    @Test
    void a_check_stopped_by_a_pre_check_is_told_apart_from_one_blocked_by_conditions() {
        Map<String, Object> frozen = new LinkedHashMap<>();
        frozen.put("closable", false);
        frozen.put("failedPreCheck", "NOT_FROZEN");
        Map<String, Object> withBalance = new LinkedHashMap<>();
        withBalance.put("closable", false);
        withBalance.put("failedPreCheck", null);
        metrics.on(AuditEvent.of(AuditAction.ELIGIBILITY_CHECK, "a", AuditOutcome.BLOCKED, frozen));
        metrics.on(AuditEvent.of(AuditAction.ELIGIBILITY_CHECK, "b", AuditOutcome.BLOCKED, withBalance));
        metrics.on(AuditEvent.of(AuditAction.ELIGIBILITY_CHECK, "c", AuditOutcome.SUCCESS, Map.of("closable", true)));

        assertThat(count(ActivityMetrics.ELIGIBILITY_CHECKS, "verdict", "precheck_failed")).isEqualTo(1);
        assertThat(count(ActivityMetrics.ELIGIBILITY_CHECKS, "verdict", "blocked")).isEqualTo(1);
        assertThat(count(ActivityMetrics.ELIGIBILITY_CHECKS, "verdict", "closable")).isEqualTo(1);
    }

    @Test
    void a_refused_self_approval_is_not_an_approval() {
        metrics.on(AuditEvent.of(AuditAction.CLOSURE_APPROVE, "a", AuditOutcome.DENIED, Map.of("refused", "SELF_APPROVAL")));
        metrics.on(AuditEvent.of(AuditAction.CLOSURE_APPROVE, "a", AuditOutcome.SUCCESS, Map.of()));
        assertThat(count(ActivityMetrics.CLOSURES, "outcome", "approved")).isEqualTo(1);
    }
}
