package com.closureconsole.closure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.closureconsole.ConsoleTest;
import com.closureconsole.TestAccounts;
import com.closureconsole.account.AccountStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Someone else changes the account's status while its closure is in flight (risk control
 * freezes it, it is closed or reopened elsewhere): no decision of the closure overwrites that.
 */
@ConsoleTest
@WithMockUser(username = "agent1", roles = "AGENT")
class AccountStatusRaceTest {

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

    private UUID submit(String accountId) {
        var submitted = (SubmissionResult.Submitted) submissions.submit(WalkedFlow.walked(flowSteps, accountId));
        assertThat(status(accountId)).isEqualTo("CLOSING");
        return submitted.request().id();
    }

    private void riskControlSets(String accountId, AccountStatus status) {
        jdbc.update("UPDATE account SET status = ? WHERE id = ?", status.name(), accountId);
    }

    private String status(String accountId) {
        return jdbc.queryForObject("SELECT status FROM account WHERE id = ?", String.class, accountId);
    }

    private List<String> conflicts(UUID requestId) {
        return jdbc.queryForList("""
                SELECT details ->> 'expected' || '->' || (details ->> 'target') || ' found ' || (details ->> 'found')
                  FROM audit_entry WHERE correlation_id = ? AND action = 'ACCOUNT_STATUS_CONFLICT' ORDER BY id""",
                String.class, requestId);
    }

    private static void asSupervisor() {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("supervisor1", null,
                List.of(new SimpleGrantedAuthority("ROLE_SUPERVISOR"))));
    }

    @Test
    void rejecting_the_closure_of_an_account_risk_control_froze_meanwhile_leaves_it_frozen() {
        policy.setApprovalRequired(true);
        String id = accounts.closable();
        UUID request = submit(id);
        riskControlSets(id, AccountStatus.FROZEN);

        asSupervisor();
        DecisionResult result = decisions.reject(request, "customer called back");

        assertThat(result.request().state()).isEqualTo(ClosureState.REJECTED);
        assertThat(result).isEqualTo(new DecisionResult.AccountUnchanged(result.request(), AccountStatus.CLOSING,
                AccountStatus.FROZEN));
        assertThat(status(id)).isEqualTo("FROZEN");
        assertThat(conflicts(request)).containsExactly("CLOSING->ACTIVE found FROZEN");
    }

    @Test
    void cancelling_in_cooling_off_an_account_risk_control_froze_meanwhile_leaves_it_frozen() {
        policy.setCoolingOff(Duration.ofHours(1));
        String id = accounts.closable();
        UUID request = submit(id);
        riskControlSets(id, AccountStatus.FROZEN);

        DecisionResult result = decisions.cancel(request, "changed mind");

        assertThat(result.request().state()).isEqualTo(ClosureState.CANCELLED);
        assertThat(result).isInstanceOf(DecisionResult.AccountUnchanged.class);
        assertThat(status(id)).isEqualTo("FROZEN");
        assertThat(conflicts(request)).containsExactly("CLOSING->ACTIVE found FROZEN");
    }

    @Test
    void approving_the_closure_of_a_frozen_account_fails_it_and_leaves_the_account_frozen() {
        policy.setApprovalRequired(true);
        String id = accounts.closable();
        UUID request = submit(id);
        riskControlSets(id, AccountStatus.FROZEN);

        asSupervisor();
        DecisionResult result = decisions.approve(request, null);

        assertThat(result.request().state()).isEqualTo(ClosureState.FAILED);
        assertThat(result.request().failureReason()).isEqualTo("NOT_FROZEN");
        assertThat(result).isInstanceOf(DecisionResult.AccountUnchanged.class);
        assertThat(status(id)).isEqualTo("FROZEN");
    }

    @Test
    void an_ordinary_rejection_reopens_the_account_and_says_so() {
        policy.setApprovalRequired(true);
        String id = accounts.closable();
        UUID request = submit(id);

        asSupervisor();
        DecisionResult result = decisions.reject(request, "customer called back");

        assertThat(result).isInstanceOf(DecisionResult.Decided.class);
        assertThat(status(id)).isEqualTo("ACTIVE");
        assertThat(conflicts(request)).isEmpty();
    }

    @Test
    void the_job_does_not_close_an_account_reopened_elsewhere_during_cooling_off() throws Exception {
        policy.setCoolingOff(Duration.ofMillis(50));
        String id = accounts.closable();
        UUID request = submit(id);
        riskControlSets(id, AccountStatus.ACTIVE);
        Thread.sleep(100);

        job.completeDue();

        assertThat(status(id)).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject("SELECT state || ':' || failure_reason FROM closure_request WHERE id = ?",
                String.class, request)).isEqualTo("FAILED:ACCOUNT_STATUS_ACTIVE");
        assertThat(conflicts(request)).containsExactly("CLOSING->CLOSED found ACTIVE");
    }

    @Test
    void the_job_leaves_an_account_closed_elsewhere_during_cooling_off_closed_when_it_fails_the_request() throws Exception {
        policy.setCoolingOff(Duration.ofMillis(50));
        String id = accounts.closable();
        UUID request = submit(id);
        riskControlSets(id, AccountStatus.CLOSED);
        Thread.sleep(100);

        job.completeDue();

        assertThat(status(id)).isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("SELECT state || ':' || failure_reason FROM closure_request WHERE id = ?",
                String.class, request)).isEqualTo("FAILED:NOT_CLOSED");
        assertThat(conflicts(request)).containsExactly("CLOSING->ACTIVE found CLOSED");
    }
}
