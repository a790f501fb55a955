package com.closureconsole.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.closureconsole.ConsoleTest;
import com.closureconsole.TestAccounts;
import com.closureconsole.account.AccountDirectory;
import com.closureconsole.account.AccountSearch;
import com.closureconsole.account.AccountSummary;
import com.closureconsole.closure.ClosureSubmission;
import com.closureconsole.closure.FlowSteps;
import com.closureconsole.closure.SubmissionResult;
import com.closureconsole.closure.WalkedFlow;
import com.closureconsole.notification.Deliveries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/** The grid, the account view, the audit trail and the notifications show a customer masked the same way. */
@ConsoleTest
@WithMockUser(username = "agent1", roles = "AGENT")
class OneMaskingPolicyTest {

    @Autowired
    AccountSearch search;
    @Autowired
    AccountDirectory directory;
    @Autowired
    FlowSteps steps;
    @Autowired
    ClosureSubmission submission;
    @Autowired
    Deliveries deliveries;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_name_searched_for_reads_the_same_in_the_grid_the_account_view_and_the_audit() {
        search.start(search.parse("张伟"));
        String audited = jdbc.queryForObject("""
                SELECT details ->> 'query' FROM audit_entry WHERE action = 'ACCOUNT_SEARCH' AND actor = 'agent1'
                 ORDER BY id DESC LIMIT 1""", String.class);
        List<AccountSummary> rows = search.page(search.parse("张伟"), 0, 50);
        String inGrid = rows.stream().filter(r -> r.accountId().equals("2088000000000001")).findFirst().orElseThrow()
                .maskedName();

        assertThat(inGrid).isEqualTo("*伟").isEqualTo(audited);
        assertThat(directory.open("2088000000000001").orElseThrow().maskedName()).isEqualTo(inGrid);
    }

    @Test
    void the_recipient_of_a_notification_reads_the_same_in_the_audit_and_the_delivery_list() {
        String account = accounts.create("测试掩码", "mask.policy@example.com", null, null);
        SubmissionResult result = submission.submit(WalkedFlow.walked(steps, account));
        UUID request = ((SubmissionResult.Submitted) result).request().id();
        String audited = jdbc.queryForObject("""
                SELECT details ->> 'recipient' FROM audit_entry WHERE action = 'NOTIFICATION_QUEUED' AND correlation_id = ?""",
                String.class, request);

        assertThat(audited).isEqualTo("m***@example.com").isEqualTo(Masking.email("mask.policy@example.com"));
        assertThat(deliveries.forRequests(List.of(request)).get(request).maskedRecipient()).isEqualTo(audited);
    }
}
