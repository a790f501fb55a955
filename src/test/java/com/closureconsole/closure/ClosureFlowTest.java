package com.closureconsole.closure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.closureconsole.ConsoleTest;
import com.closureconsole.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

@ConsoleTest
@WithMockUser(username = "agent1", roles = "AGENT")
class ClosureFlowTest {

    @Autowired
    FlowSteps flowSteps;

    @Autowired
    ClosureSubmission submissions;

    @Autowired
    ClosureDecisions decisions;

    @Autowired
    ClosurePolicy policy;

    @Autowired
    ClosureCompletionJob job;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void defaultPolicies() {
        policy.setApprovalRequired(false);
        policy.setCoolingOff(Duration.ZERO);
    }

    /** A flow whose verification and confirmation are recorded, ready to submit. */
    private SubmitClosure command(String accountId) {
        return WalkedFlow.walked(flowSteps, accountId);
    }

    private List<String> trail(UUID correlation) {
        return jdbc.queryForList("""
                SELECT action || ':' || outcome || ':' || coalesce(details ->> 'refused', '-')
                  FROM audit_entry WHERE correlation_id = ? ORDER BY id""", String.class, correlation);
    }

    private String status(String accountId) {
        return jdbc.queryForObject("SELECT status FROM account WHERE id = ?", String.class, accountId);
    }

    private int requestCount(String accountId) {
        return jdbc.queryForObject("SELECT count(*) FROM closure_request WHERE account_id = ?", Integer.class, accountId);
    }

    private String notificationChannel(String accountId) {
        return jdbc.queryForObject("SELECT channel || ':' || status FROM notification WHERE account_id = ?", String.class, accountId);
    }

    @Test
    void a_closable_account_with_email_is_closed_at_once_and_the_customer_emailed() {
        String id = accounts.closable();
        var result = (SubmissionResult.Submitted) submissions.submit(command(id));
        assertThat(result.request().state()).isEqualTo(ClosureState.COMPLETED);
        assertThat(result.request().initiatedBy()).isEqualTo("agent1");
        assertThat(status(id)).isEqualTo("CLOSED");
        assertThat(notificationChannel(id)).isEqualTo("EMAIL:QUEUED");
    }

    @Test
    void an_account_without_email_is_notified_by_sms() {
        String id = accounts.closableWithoutEmail();
        submissions.submit(command(id));
        assertThat(notificationChannel(id)).isEqualTo("SMS:QUEUED");
    }

    @Test
    void a_blocker_that_appeared_since_the_check_refuses_and_persists_nothing() {
        String id = accounts.closable();
        assertThat(flowSteps.preview(id, UUID.randomUUID()).report().closable()).isTrue();
        accounts.setBalance(id, "0.01");
        var result = submissions.submit(command(id));
        assertThat(result).isInstanceOf(SubmissionResult.Refused.class);
        assertThat(((SubmissionResult.Refused) result).report().blockingCodes())
                .containsExactly(com.closureconsole.closure.conditions.ConditionCode.BALANCE_NOT_ZERO);
        assertThat(requestCount(id)).isZero();
        assertThat(status(id)).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification WHERE account_id = ?", Integer.class, id)).isZero();
    }

    @Test
    void never_activated_and_closed_accounts_are_refused_with_their_own_reasons() {
        var inactive = (SubmissionResult.Refused) submissions.submit(WalkedFlow.walked(flowSteps, "2088000000000017",
                UUID.randomUUID(), VerificationMethod.SECURITY_QUESTIONS_AND_SMS, ClosureReason.NO_LONGER_USED, null));
        var closed = (SubmissionResult.Refused) submissions.submit(command("2088000000000018"));
        assertThat(inactive.reason()).isEqualTo(SubmissionResult.Refusal.NOT_ELIGIBLE);
        assertThat(inactive.report().failedPreCheck()).isEqualTo(PreCheck.ACTIVATED);
        assertThat(closed.report().failedPreCheck()).isEqualTo(PreCheck.NOT_CLOSED);
        assertThat(requestCount("2088000000000017") + requestCount("2088000000000018")).isZero();
    }

    @Test
    void a_retried_submission_with_the_same_key_makes_no_second_request() {
        String id = accounts.closable();
        SubmitClosure command = command(id);
        var first = (SubmissionResult.Submitted) submissions.submit(command);
        var again = (SubmissionResult.Submitted) submissions.submit(command);
        assertThat(again.replayed()).isTrue();
        assertThat(again.request().id()).isEqualTo(first.request().id());
        assertThat(requestCount(id)).isEqualTo(1);
    }

    @Test
    void a_closable_linked_taobao_account_closes_with_it_and_another_is_unbound() {
        String together = accounts.create("淘宝一起", "tb1@example.com", "tb_" + UUID.randomUUID().toString().substring(0, 8), true);
        String unbound = accounts.create("淘宝解绑", "tb2@example.com", "tb_" + UUID.randomUUID().toString().substring(0, 8), false);
        var first = (SubmissionResult.Submitted) submissions.submit(command(together));
        var second = (SubmissionResult.Submitted) submissions.submit(command(unbound));
        assertThat(first.request().taobaoOutcome()).isEqualTo(TaobaoOutcome.CLOSED_TOGETHER);
        assertThat(second.request().taobaoOutcome()).isEqualTo(TaobaoOutcome.UNBOUND);
        assertThat(jdbc.queryForObject("SELECT taobao_id FROM account WHERE id = ?", String.class, together)).isNotNull();
        assertThat(jdbc.queryForObject("SELECT taobao_id FROM account WHERE id = ?", String.class, unbound)).isNull();
    }

    @Test
    void twenty_simultaneous_starts_make_exactly_one_request() throws Exception {
        policy.setApprovalRequired(true);
        String id = accounts.closable();
        var auth = new UsernamePasswordAuthenticationToken("agent2", null, List.of(new SimpleGrantedAuthority("ROLE_AGENT")));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SubmissionResult>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(pool.submit(() -> {
                SecurityContextHolder.getContext().setAuthentication(auth);
                start.await();
                return submissions.submit(command(id));
            }));
        }
        start.countDown();
        List<SubmissionResult> outcomes = new ArrayList<>();
        for (Future<SubmissionResult> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).filteredOn(SubmissionResult.Submitted.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(SubmissionResult.Refused.class::isInstance).hasSize(19)
                .allSatisfy(r -> assertThat(((SubmissionResult.Refused) r).report().failedPreCheck()).isEqualTo(PreCheck.NOT_CLOSING));
        assertThat(requestCount(id)).isEqualTo(1);
        assertThat(status(id)).isEqualTo("CLOSING");
    }

    @Test
    void approval_by_another_supervisor_closes_and_runs_the_checks_again() {
        policy.setApprovalRequired(true);
        String id = accounts.closable();
        var submitted = (SubmissionResult.Submitted) submissions.submit(command(id));
        assertThat(submitted.request().state()).isEqualTo(ClosureState.AWAITING_APPROVAL);
        assertThat(status(id)).isEqualTo("CLOSING");

        asSupervisor("supervisor1");
        var approved = decisions.approve(submitted.request().id(), "ok").request();
        assertThat(approved.state()).isEqualTo(ClosureState.COMPLETED);
        assertThat(approved.decidedBy()).isEqualTo("supervisor1");
        assertThat(status(id)).isEqualTo("CLOSED");
    }

    @Test
    void approval_fails_the_request_when_a_condition_blocks_by_then() {
        policy.setApprovalRequired(true);
        String id = accounts.closable();
        var submitted = (SubmissionResult.Submitted) submissions.submit(command(id));
        accounts.addPendingPayment(id);
        asSupervisor("supervisor1");
        var decided = decisions.approve(submitted.request().id(), null).request();
        assertThat(decided.state()).isEqualTo(ClosureState.FAILED);
        assertThat(decided.failureReason()).contains("TRANSACTION_IN_PROGRESS");
        assertThat(status(id)).isEqualTo("ACTIVE");
    }

    @Test
    void a_supervisor_cannot_approve_a_closure_they_started() {
        policy.setApprovalRequired(true);
        asSupervisor("supervisor1");
        String id = accounts.closable();
        var submitted = (SubmissionResult.Submitted) submissions.submit(command(id));
        var refused = (DecisionResult.Refused) decisions.approve(submitted.request().id(), null);
        assertThat(refused.reason()).isEqualTo(DecisionResult.Refusal.SELF_APPROVAL);
        assertThat(refused.request().state()).isEqualTo(ClosureState.AWAITING_APPROVAL);
        assertThat(status(id)).isEqualTo("CLOSING");
        assertThat(trail(submitted.request().id())).endsWith("CLOSURE_APPROVE:DENIED:SELF_APPROVAL");
    }

    @Test
    void an_agent_cannot_approve() {
        policy.setApprovalRequired(true);
        String id = accounts.closable();
        var submitted = (SubmissionResult.Submitted) submissions.submit(command(id));
        assertThatThrownBy(() -> decisions.approve(submitted.request().id(), null))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void rejection_needs_a_reason_and_reopens_the_account() {
        policy.setApprovalRequired(true);
        String id = accounts.closable();
        var submitted = (SubmissionResult.Submitted) submissions.submit(command(id));
        asSupervisor("supervisor1");
        assertThat(((DecisionResult.Refused) decisions.reject(submitted.request().id(), " ")).reason())
                .isEqualTo(DecisionResult.Refusal.REASON_REQUIRED);
        assertThat(((DecisionResult.Refused) decisions.reject(submitted.request().id(), "x".repeat(501))).reason())
                .isEqualTo(DecisionResult.Refusal.REASON_TOO_LONG);
        assertThat(status(id)).isEqualTo("CLOSING");
        var rejected = decisions.reject(submitted.request().id(), "customer called back").request();
        assertThat(rejected.state()).isEqualTo(ClosureState.REJECTED);
        assertThat(rejected.decisionReason()).isEqualTo("customer called back");
        assertThat(status(id)).isEqualTo("ACTIVE");
        assertThat(notificationChannel(id)).isEqualTo("EMAIL:QUEUED");
    }

    @Test
    void an_agent_cancels_within_the_cooling_off_window() {
        policy.setCoolingOff(Duration.ofHours(24));
        String id = accounts.closable();
        var submitted = (SubmissionResult.Submitted) submissions.submit(command(id));
        assertThat(submitted.request().state()).isEqualTo(ClosureState.COOLING_OFF);
        assertThat(status(id)).isEqualTo("CLOSING");
        var cancelled = decisions.cancel(submitted.request().id(), "changed mind").request();
        assertThat(cancelled.state()).isEqualTo(ClosureState.CANCELLED);
        assertThat(status(id)).isEqualTo("ACTIVE");
        var again = (DecisionResult.Refused) decisions.cancel(submitted.request().id(), null);
        assertThat(again.reason()).isEqualTo(DecisionResult.Refusal.TOO_LATE_TO_CANCEL);
        assertThat(trail(submitted.request().id())).endsWith("CLOSURE_CANCEL:FAILURE:TOO_LATE_TO_CANCEL");
    }

    @Test
    void the_job_completes_requests_whose_cooling_off_has_ended() throws Exception {
        policy.setCoolingOff(Duration.ofMillis(50));
        String id = accounts.closable();
        var submitted = (SubmissionResult.Submitted) submissions.submit(command(id));
        assertThat(submitted.request().state()).isEqualTo(ClosureState.COOLING_OFF);
        Thread.sleep(100);
        assertThat(job.completeDue()).isGreaterThanOrEqualTo(1);
        assertThat(status(id)).isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("SELECT state FROM closure_request WHERE account_id = ?", String.class, id))
                .isEqualTo("COMPLETED");
    }

    @Test
    void bad_submissions_are_refused_with_their_reason_and_audited_before_anything_is_written() {
        String id = accounts.closable();
        SubmitClosure base = command(id);
        var other = (SubmissionResult.Refused) submissions.submit(new SubmitClosure(base.flowId(), base.idempotencyKey(), id,
                ClosureReason.OTHER, " "));
        var long_ = (SubmissionResult.Refused) submissions.submit(new SubmitClosure(base.flowId(), base.idempotencyKey(), id,
                ClosureReason.PRIVACY, "x".repeat(501)));
        var noReason = (SubmissionResult.Refused) submissions.submit(new SubmitClosure(base.flowId(), base.idempotencyKey(), id,
                null, null));
        assertThat(other.reason()).isEqualTo(SubmissionResult.Refusal.REASON_TEXT_REQUIRED);
        assertThat(long_.reason()).isEqualTo(SubmissionResult.Refusal.REASON_TEXT_TOO_LONG);
        assertThat(noReason.reason()).isEqualTo(SubmissionResult.Refusal.INCOMPLETE);
        assertThat(requestCount(id)).isZero();
        assertThat(status(id)).isEqualTo("ACTIVE");
        assertThat(trail(base.flowId())).containsExactly("IDENTITY_VERIFICATION:SUCCESS:-", "GIVE_UP_CONFIRMATION:SUCCESS:-",
                "CLOSURE_SUBMIT:FAILURE:REASON_TEXT_REQUIRED", "CLOSURE_SUBMIT:FAILURE:REASON_TEXT_TOO_LONG",
                "CLOSURE_SUBMIT:FAILURE:INCOMPLETE");
    }

    @Test
    void a_submission_that_skips_verification_is_refused_and_audited() {
        String id = accounts.closable();
        UUID flow = UUID.randomUUID();
        var refused = (SubmissionResult.Refused) submissions.submit(new SubmitClosure(flow, flow.toString(), id,
                ClosureReason.NO_LONGER_USED, null));
        assertThat(refused.reason()).isEqualTo(SubmissionResult.Refusal.IDENTITY_NOT_VERIFIED);
        assertThat(requestCount(id)).isZero();
        assertThat(status(id)).isEqualTo("ACTIVE");
        assertThat(trail(flow)).containsExactly("CLOSURE_SUBMIT:FAILURE:IDENTITY_NOT_VERIFIED");
    }

    @Test
    void a_submission_that_skips_the_confirmation_of_what_is_given_up_is_refused() {
        String id = accounts.closable();
        UUID flow = UUID.randomUUID();
        assertThat(flowSteps.recordVerification(id, flow, VerificationMethod.REAL_NAME_ID_AND_SMS, true))
                .isEqualTo(StepResult.RECORDED);
        var refused = (SubmissionResult.Refused) submissions.submit(new SubmitClosure(flow, flow.toString(), id,
                ClosureReason.NO_LONGER_USED, null));
        assertThat(refused.reason()).isEqualTo(SubmissionResult.Refusal.GIVE_UP_NOT_CONFIRMED);
        assertThat(requestCount(id)).isZero();
        assertThat(trail(flow)).containsExactly("IDENTITY_VERIFICATION:SUCCESS:-", "CLOSURE_SUBMIT:FAILURE:GIVE_UP_NOT_CONFIRMED");
    }

    @Test
    void a_failed_verification_is_audited_and_stops_the_flow_even_after_an_earlier_pass() {
        String id = accounts.closable();
        UUID flow = UUID.randomUUID();
        SubmitClosure walked = WalkedFlow.walked(flowSteps, id, flow, VerificationMethod.REAL_NAME_ID_AND_SMS,
                ClosureReason.NO_LONGER_USED, null);
        assertThat(flowSteps.recordVerification(id, flow, VerificationMethod.REAL_NAME_ID_AND_SMS, false))
                .isEqualTo(StepResult.VERIFICATION_FAILED);
        assertThat(flowSteps.confirmGivenUp(id, flow, FlowSteps.CONFIRMATION_VERSION)).isEqualTo(StepResult.NOT_VERIFIED);
        var refused = (SubmissionResult.Refused) submissions.submit(walked);
        assertThat(refused.reason()).isEqualTo(SubmissionResult.Refusal.IDENTITY_NOT_VERIFIED);
        assertThat(requestCount(id)).isZero();
        assertThat(trail(flow)).containsExactly("IDENTITY_VERIFICATION:SUCCESS:-", "GIVE_UP_CONFIRMATION:SUCCESS:-",
                "IDENTITY_VERIFICATION:FAILURE:-", "GIVE_UP_CONFIRMATION:FAILURE:NOT_VERIFIED",
                "CLOSURE_SUBMIT:FAILURE:IDENTITY_NOT_VERIFIED");
    }

    @Test
    void the_wrong_verification_method_for_the_account_type_records_nothing_and_is_audited() {
        String id = accounts.closable();
        UUID flow = UUID.randomUUID();
        assertThat(flowSteps.recordVerification(id, flow, VerificationMethod.SMS_CODE, true)).isEqualTo(StepResult.WRONG_METHOD);
        assertThat(flowSteps.confirmGivenUp(id, flow, FlowSteps.CONFIRMATION_VERSION)).isEqualTo(StepResult.NOT_VERIFIED);
        assertThat(flowSteps.recordVerification("2088999999999999", flow, VerificationMethod.SMS_CODE, true))
                .isEqualTo(StepResult.NO_SUCH_ACCOUNT);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM closure_flow WHERE flow_id = ?", Integer.class, flow)).isZero();
        assertThat(trail(flow)).containsExactly("IDENTITY_VERIFICATION:FAILURE:WRONG_METHOD",
                "GIVE_UP_CONFIRMATION:FAILURE:NOT_VERIFIED", "IDENTITY_VERIFICATION:FAILURE:NO_SUCH_ACCOUNT");
    }

    @Test
    void an_outdated_confirmation_text_is_refused() {
        String id = accounts.closable();
        UUID flow = UUID.randomUUID();
        flowSteps.recordVerification(id, flow, VerificationMethod.REAL_NAME_ID_AND_SMS, true);
        assertThat(flowSteps.confirmGivenUp(id, flow, "2025-01-v0")).isEqualTo(StepResult.OUTDATED_TEXT);
        var refused = (SubmissionResult.Refused) submissions.submit(new SubmitClosure(flow, flow.toString(), id,
                ClosureReason.NO_LONGER_USED, null));
        assertThat(refused.reason()).isEqualTo(SubmissionResult.Refusal.GIVE_UP_NOT_CONFIRMED);
    }

    @Test
    void a_flow_walked_for_one_account_or_by_one_agent_closes_no_other_account_and_serves_no_other_agent() {
        String walkedFor = accounts.closable();
        String other = accounts.closable();
        SubmitClosure walked = command(walkedFor);
        var otherAccount = (SubmissionResult.Refused) submissions.submit(new SubmitClosure(walked.flowId(),
                walked.idempotencyKey(), other, ClosureReason.NO_LONGER_USED, null));
        assertThat(otherAccount.reason()).isEqualTo(SubmissionResult.Refusal.IDENTITY_NOT_VERIFIED);
        assertThat(flowSteps.recordVerification(other, walked.flowId(), VerificationMethod.REAL_NAME_ID_AND_SMS, true))
                .as("the flow id stays the first account's").isEqualTo(StepResult.NOT_VERIFIED);

        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("agent2", null,
                List.of(new SimpleGrantedAuthority("ROLE_AGENT"))));
        var otherAgent = (SubmissionResult.Refused) submissions.submit(walked);
        assertThat(otherAgent.reason()).isEqualTo(SubmissionResult.Refusal.IDENTITY_NOT_VERIFIED);
        assertThat(requestCount(walkedFor) + requestCount(other)).isZero();
    }

    @Test
    void a_decision_on_a_request_already_decided_or_unknown_is_refused_and_audited() {
        policy.setApprovalRequired(true);
        String id = accounts.closable();
        var submitted = (SubmissionResult.Submitted) submissions.submit(command(id));
        asSupervisor("supervisor1");
        assertThat(decisions.reject(submitted.request().id(), "customer called back")).isInstanceOf(DecisionResult.Decided.class);
        var late = (DecisionResult.Refused) decisions.approve(submitted.request().id(), null);
        assertThat(late.reason()).isEqualTo(DecisionResult.Refusal.ALREADY_DECIDED);
        assertThat(late.request().state()).isEqualTo(ClosureState.REJECTED);
        UUID unknown = UUID.randomUUID();
        var missing = (DecisionResult.Refused) decisions.reject(unknown, "no such thing");
        assertThat(missing.reason()).isEqualTo(DecisionResult.Refusal.NO_SUCH_REQUEST);
        assertThat(missing.request()).isNull();
        assertThat(status(id)).isEqualTo("ACTIVE");
        assertThat(trail(submitted.request().id())).containsSubsequence("CLOSURE_REJECT:SUCCESS:-",
                "CLOSURE_APPROVE:FAILURE:ALREADY_DECIDED");
        assertThat(trail(unknown)).containsExactly("CLOSURE_REJECT:FAILURE:NO_SUCH_REQUEST");
    }

    private static void asSupervisor(String name) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(name, null,
                List.of(new SimpleGrantedAuthority("ROLE_SUPERVISOR"))));
    }
}
