package com.closureconsole.operations;

import com.closureconsole.audit.AuditOutcome;
import com.closureconsole.closure.ClosureApproved;
import com.closureconsole.closure.ClosureCancelled;
import com.closureconsole.closure.ClosureCompleted;
import com.closureconsole.closure.ClosureFailed;
import com.closureconsole.closure.ClosureRejected;
import com.closureconsole.closure.ClosureRequestFact;
import com.closureconsole.closure.ClosureSubmissionRefused;
import com.closureconsole.closure.ClosureSubmitted;
import com.closureconsole.closure.EligibilityChecked;
import com.closureconsole.closure.EligibilityReport;
import com.closureconsole.notification.DeliveryAttempted;
import com.closureconsole.notification.NotificationQueued;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts what the console did, read from the events the closure and notification modules publish: eligibility
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

    @TransactionalEventListener(fallbackExecution = true)
    public void on(EligibilityChecked checked) {
        EligibilityReport report = checked.report();
        eligibilityChecks(report.closable() ? "closable" : report.failedPreCheck() != null ? "precheck_failed" : "blocked")
                .increment();
    }

    /** A refused submission is audited on its own, after its caller's transaction; one a check blocked counts. */
    @TransactionalEventListener(fallbackExecution = true)
    public void on(ClosureSubmissionRefused refused) {
        if (refused.outcome() == AuditOutcome.BLOCKED) {
            closures("refused").increment();
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void on(ClosureRequestFact fact) {
        String outcome = fact instanceof ClosureSubmitted ? "submitted"
                : fact instanceof ClosureApproved ? "approved"
                : fact instanceof ClosureRejected ? "rejected"
                : fact instanceof ClosureCancelled ? "cancelled"
                : fact instanceof ClosureCompleted ? "completed"
                : fact instanceof ClosureFailed ? "failed" : null;
        if (outcome != null) {
            closures(outcome).increment();
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void on(NotificationQueued queued) {
        Counter.builder(NOTIFICATIONS_QUEUED)
                .description("Customer notifications queued, by channel")
                .tag("channel", queued.channel().name()).register(registry).increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void on(DeliveryAttempted delivery) {
        Counter.builder(NOTIFICATION_DELIVERIES)
                .description("Attempts to deliver a customer notification, by channel, status and attempt number")
                .tag("channel", delivery.channel().name())
                .tag("status", delivery.sent() ? "sent" : delivery.willRetry() ? "retrying" : "failed")
                .tag("attempt", delivery.attempt() >= LAST_ATTEMPT_TAG ? LAST_ATTEMPT_TAG + "+"
                        : String.valueOf(delivery.attempt()))
                .register(registry).increment();
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
}
