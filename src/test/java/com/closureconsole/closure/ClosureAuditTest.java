package com.closureconsole.closure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.closureconsole.ConsoleTest;
import com.closureconsole.TestAccounts;
import com.closureconsole.account.AccountDirectory;
import com.closureconsole.account.AccountSearch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/** What the agent's work leaves in the audit trail: every step, tied together, personal data masked. */
@ConsoleTest
@WithMockUser(username = "agent2", roles = "AGENT")
class ClosureAuditTest {

    @Autowired
    FlowSteps flowSteps;

    @Autowired
    ClosureSubmission submissions;

    @Autowired
    AccountSearch search;

    @Autowired
    AccountDirectory directory;

    @Autowired
    EligibilityService eligibility;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    private List<String> actionsOf(UUID correlation) {
        return jdbc.queryForList("SELECT action || ':' || outcome FROM audit_entry WHERE correlation_id = ? ORDER BY id",
                String.class, correlation);
    }

    @Test
    void every_step_of_one_closure_shares_its_correlation_id() {
        String id = accounts.closable();
        UUID flow = UUID.randomUUID();
        flowSteps.recordVerification(id, flow, VerificationMethod.REAL_NAME_ID_AND_SMS, true);
        flowSteps.preview(id, flow);
        flowSteps.confirmGivenUp(id, flow, FlowSteps.CONFIRMATION_VERSION);
        submissions.submit(new SubmitClosure(flow, flow.toString(), id, ClosureReason.SECURITY_CONCERN, "lost phone"));
        assertThat(actionsOf(flow)).containsExactly("IDENTITY_VERIFICATION:SUCCESS", "ELIGIBILITY_CHECK:SUCCESS",
                "GIVE_UP_CONFIRMATION:SUCCESS", "CLOSURE_SUBMIT:SUCCESS", "CLOSURE_COMPLETE:SUCCESS",
                "NOTIFICATION_QUEUED:SUCCESS");
        assertThat(jdbc.queryForList("SELECT DISTINCT actor FROM audit_entry WHERE correlation_id = ?", String.class, flow))
                .containsExactly("agent2");
        String submit = jdbc.queryForObject("SELECT details::text FROM audit_entry WHERE correlation_id = ? AND action = 'CLOSURE_SUBMIT'",
                String.class, flow);
        assertThat(submit).contains("SECURITY_CONCERN", "REAL_NAME_ID_AND_SMS", FlowSteps.CONFIRMATION_VERSION);
        String queued = jdbc.queryForObject("SELECT details::text FROM audit_entry WHERE correlation_id = ? AND action = 'NOTIFICATION_QUEUED'",
                String.class, flow);
        assertThat(queued).contains("t***@example.com").doesNotContain("tester@example.com");
    }

    @Test
    void a_condition_check_records_which_conditions_blocked_and_their_figures() {
        UUID flow = UUID.randomUUID();
        eligibility.check("2088000000000014", flow);
        String details = jdbc.queryForObject("SELECT details::text FROM audit_entry WHERE correlation_id = ?", String.class, flow);
        assertThat(details).contains("BALANCE_NOT_ZERO", "88.00 CNY", "YUEBAO_NOT_EMPTY", "500.00 CNY", "HUABEI_OPEN",
                "DISPUTE_OR_RESTRICTION");
        assertThat(jdbc.queryForObject("SELECT outcome FROM audit_entry WHERE correlation_id = ?", String.class, flow))
                .isEqualTo("BLOCKED");
    }

    @Test
    void a_refused_submission_is_recorded_though_nothing_else_is_written() {
        String id = accounts.closable();
        accounts.addPendingPayment(id);
        UUID flow = UUID.randomUUID();
        submissions.submit(WalkedFlow.walked(flowSteps, id, flow, VerificationMethod.REAL_NAME_ID_AND_SMS,
                ClosureReason.NO_LONGER_USED, null));
        assertThat(actionsOf(flow)).containsExactly("IDENTITY_VERIFICATION:SUCCESS", "GIVE_UP_CONFIRMATION:SUCCESS",
                "CLOSURE_SUBMIT:BLOCKED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM closure_request WHERE account_id = ?", Integer.class, id)).isZero();
    }

    @Test
    void searches_views_and_reveals_are_recorded_with_personal_data_masked() {
        long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_entry", Long.class);
        search.start(search.parse("138 0013 8002"));
        directory.open("2088000000000002");
        directory.reveal("2088000000000002", com.closureconsole.account.RevealReason.IDENTITY_CHECK);
        List<String> rows = jdbc.queryForList("SELECT action || ' ' || coalesce(account_id, '-') || ' ' || details::text "
                + "FROM audit_entry WHERE id > ? AND actor = 'agent2' ORDER BY id", String.class, before);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("ACCOUNT_SEARCH 2088000000000002").contains("138****8002").doesNotContain("13800138002");
        assertThat(rows.get(1)).startsWith("ACCOUNT_VIEW 2088000000000002");
        assertThat(rows.get(2)).startsWith("PERSONAL_DATA_REVEAL 2088000000000002").contains("IDENTITY_CHECK")
                .doesNotContain("王芳");
    }

    @Test
    void free_text_enters_the_trail_with_the_phones_emails_and_ids_in_it_masked() {
        String id = accounts.closable();
        UUID flow = UUID.randomUUID();
        submissions.submit(WalkedFlow.walked(flowSteps, id, flow, VerificationMethod.REAL_NAME_ID_AND_SMS, ClosureReason.OTHER,
                "客户新号码 138 0013 8999，邮箱 li.si@example.com，旧账户 2088000000000003"));
        String submit = jdbc.queryForObject("SELECT details ->> 'reasonText' FROM audit_entry WHERE correlation_id = ? AND action = 'CLOSURE_SUBMIT'",
                String.class, flow);
        assertThat(submit).isEqualTo("客户新号码 138****8999，邮箱 l***@example.com，旧账户 2088********0003");
        assertThat(jdbc.queryForObject("SELECT reason_text FROM closure_request WHERE id = ?", String.class, flow))
                .as("the request itself keeps what the agent typed").contains("138 0013 8999");
    }

    @Test
    void a_reveal_without_a_reason_reveals_nothing_and_is_audited() {
        long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_entry", Long.class);
        assertThat(directory.reveal("2088000000000002", null)).isEmpty();
        assertThat(jdbc.queryForList("SELECT action || ':' || outcome || ':' || (details ->> 'refused') FROM audit_entry "
                + "WHERE id > ? AND actor = 'agent2'", String.class, before))
                .containsExactly("PERSONAL_DATA_REVEAL:FAILURE:REASON_REQUIRED");
    }
}
