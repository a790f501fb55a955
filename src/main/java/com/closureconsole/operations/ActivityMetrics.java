package com.closureconsole.operations;

import com.closureconsole.audit.AuditEvent;
import com.closureconsole.audit.AuditOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts what the console did, read from the audit events the services publish: eligibility
 * checks by verdict, closures by outcome, customer notifications queued and each delivery
 * attempt by channel, status and attempt number. An event counts once its transaction has
 * committed, so a rolled-back action is not counted.
 */
@Component
class ActivityMetrics {

    static final String ELIGIBILITY_CHECKS = "closure.eligibility.checks";
    static final String CLOSURES = "closure.closures";
    static final String NOTIFICATIONS_QUEUED = "closure.notifications.queued";
    static final String NOTIFICATION_DELIVERIES = "closure.notifications.deliveries";

    /** Attempt numbers from this one on share a tag value, so a generous retry setting cannot multiply series. */
    private static final int LAST_ATTEMPT_TAG = 10;

    private final MeterRegistry registry;

    ActivityMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Known from the start, so a dashboard shows zero rather than nothing.
        for (String verdict : new String[] {"closable", "blocked", "precheck_failed"}) {
            eligibilityChecks(verdict);
        }
        for (String outcome : new String[] {"submitted", "refused", "approved", "completed", "rejected", "cancelled", "failed"}) {
            closures(outcome);
        }
    }

    /** A refused attempt is audited on its own, after its caller's transaction; it counts the same way. */
    @TransactionalEventListener(fallbackExecution = true)
    public void on(com.closureconsole.audit.AttemptRefused refused) {
        on(refused.entry());
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void on(AuditEvent event) {
        switch (event.action()) {
            case ELIGIBILITY_CHECK -> eligibilityChecks(verdict(event)).increment();
            case CLOSURE_SUBMIT -> {
                if (event.outcome() == AuditOutcome.SUCCESS) {
                    closures("submitted").increment();
                } else if (event.outcome() == AuditOutcome.BLOCKED) {
                    closures("refused").increment();
                }
            }
            case CLOSURE_APPROVE -> countClosureIfDone(event, "approved");
            case CLOSURE_REJECT -> countClosureIfDone(event, "rejected");
            case CLOSURE_CANCEL -> countClosureIfDone(event, "cancelled");
            case CLOSURE_COMPLETE -> countClosureIfDone(event, "completed");
            case CLOSURE_FAIL -> closures("failed").increment();
            case NOTIFICATION_QUEUED -> Counter.builder(NOTIFICATIONS_QUEUED)
                    .description("Customer notifications queued, by channel")
                    .tag("channel", text(event, "channel")).register(registry).increment();
            case NOTIFICATION_DELIVERY -> Counter.builder(NOTIFICATION_DELIVERIES)
                    .description("Attempts to deliver a customer notification, by channel, status and attempt number")
                    .tag("channel", text(event, "channel"))
                    .tag("status", deliveryStatus(event))
                    .tag("attempt", attempt(event))
                    .register(registry).increment();
            default -> {
            }
        }
    }

    private void countClosureIfDone(AuditEvent event, String outcome) {
        if (event.outcome() == AuditOutcome.SUCCESS) {
            closures(outcome).increment();
        }
    }

    private Counter eligibilityChecks(String verdict) {
        return Counter.builder(ELIGIBILITY_CHECKS)
                .description("Audited eligibility checks, by verdict")
                .tag("verdict", verdict).register(registry);
    }

    private Counter closures(String outcome) {
        return Counter.builder(CLOSURES)
                .description("Closure requests submitted, refused at submission, approved, and finished by outcome")
                .tag("outcome", outcome).register(registry);
    }

    private static String verdict(AuditEvent event) {
        if (event.outcome() == AuditOutcome.SUCCESS) {
            return "closable";
        }
        return event.details().get("failedPreCheck") != null ? "precheck_failed" : "blocked";
    }

    /** Sent; failed, to be retried; or failed for good after the last attempt. */
    private static String deliveryStatus(AuditEvent event) {
        if (event.outcome() == AuditOutcome.SUCCESS) {
            return "sent";
        }
        return Boolean.FALSE.equals(event.details().get("willRetry")) ? "failed" : "retrying";
    }

    private static String attempt(AuditEvent event) {
        if (event.details().get("attempt") instanceof Number number) {
            return number.intValue() >= LAST_ATTEMPT_TAG ? LAST_ATTEMPT_TAG + "+" : String.valueOf(number.intValue());
        }
        return "unknown";
    }

    private static String text(AuditEvent event, String detail) {
        Object value = event.details().get(detail);
        return value == null ? "unknown" : value.toString();
    }
}
