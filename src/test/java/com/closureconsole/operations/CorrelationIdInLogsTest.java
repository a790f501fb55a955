package com.closureconsole.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.closureconsole.ConsoleTest;
import com.closureconsole.TestAccounts;
import com.closureconsole.audit.AuditAction;
import com.closureconsole.audit.Audited;
import com.closureconsole.closure.ClosureAction;
import com.closureconsole.closure.ClosureJobs;
import com.closureconsole.closure.ClosureReason;
import com.closureconsole.closure.ClosureSubmission;
import com.closureconsole.closure.FlowSteps;
import com.closureconsole.closure.SubmitClosure;
import com.closureconsole.closure.VerificationMethod;
import com.closureconsole.closure.WalkedFlow;
import com.closureconsole.notification.NotificationAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Whatever is logged during a closure step carries its correlation id: seen here from inside the
 * steps, by a listener of the audit events they publish, which runs on the step's own thread.
 */
@ConsoleTest
@WithMockUser(username = "agent1", roles = "AGENT")
class CorrelationIdInLogsTest {

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    FlowSteps flowSteps;

    @Autowired
    ClosureSubmission submissions;
    @Autowired
    ClosureJobs closureJobs;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcTemplate jdbc;

    record Seen(AuditAction action, UUID correlationId, String inLogs) {
    }

    final List<Seen> seen = new ArrayList<>();
    final ApplicationListener<PayloadApplicationEvent<Audited>> listener = event -> seen.add(new Seen(
            event.getPayload().action(), event.getPayload().correlationId(), MDC.get(CorrelationIdInLogs.KEY)));

    @BeforeEach
    void listen() {
        context.addApplicationListener(listener);
    }

    @AfterEach
    void stopListening() {
        ((AbstractApplicationContext) context).getBean(ApplicationEventMulticaster.class).removeApplicationListener(listener);
        closureJobs.coolingOff(Duration.ZERO);
    }

    private SubmitClosure submission(String accountId, UUID flow) {
        return WalkedFlow.walked(flowSteps, accountId, flow, VerificationMethod.REAL_NAME_ID_AND_SMS,
                ClosureReason.NO_LONGER_USED, null);
    }

    @Test
    void every_step_of_a_closure_runs_with_its_correlation_id_in_the_logging_context() {
        String account = accounts.closable();
        UUID flow = UUID.randomUUID();
        flowSteps.recordVerification(account, flow, VerificationMethod.REAL_NAME_ID_AND_SMS, true);
        flowSteps.preview(account, flow);
        submissions.submit(submission(account, flow));

        assertThat(seen).extracting(Seen::action).contains(ClosureAction.IDENTITY_VERIFICATION,
                ClosureAction.ELIGIBILITY_CHECK, ClosureAction.CLOSURE_SUBMIT, ClosureAction.CLOSURE_COMPLETE,
                NotificationAction.NOTIFICATION_QUEUED);
        assertThat(seen).allSatisfy(step -> assertThat(step.inLogs()).as(step.action().name()).isEqualTo(flow.toString()));
        assertThat(MDC.get(CorrelationIdInLogs.KEY)).as("nothing is left behind on the thread").isNull();
    }

    @Test
    void the_completion_job_works_on_each_due_request_under_that_requests_id() {
        closureJobs.coolingOff(Duration.ofHours(1));
        String account = accounts.closable();
        UUID flow = UUID.randomUUID();
        submissions.submit(submission(account, flow));
        jdbc.update("UPDATE closure_request SET due_at = now() - interval '1 minute' WHERE id = ?", flow);
        seen.clear();

        closureJobs.completeDue();

        assertThat(seen).filteredOn(step -> flow.equals(step.correlationId())).extracting(Seen::action)
                .contains(ClosureAction.CLOSURE_COMPLETE);
        assertThat(seen).allSatisfy(step -> assertThat(step.inLogs()).isEqualTo(String.valueOf(step.correlationId())));
        assertThat(MDC.get(CorrelationIdInLogs.KEY)).isNull();
    }

    @Test
    void a_step_without_a_closure_leaves_the_logging_context_alone() {
        assertThat(CorrelationIdInLogs.correlationId(new Object[] {"2088000000000001"})).isNull();
        UUID id = UUID.randomUUID();
        assertThat(CorrelationIdInLogs.correlationId(new Object[] {"x", id})).isEqualTo(id);
        assertThat(CorrelationIdInLogs.correlationId(new Object[] {submission("2088000000000001", id)})).isEqualTo(id);
    }
}
