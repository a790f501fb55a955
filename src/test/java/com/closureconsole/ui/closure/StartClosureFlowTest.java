package com.closureconsole.ui.closure;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.closureconsole.TestAccounts;
import com.closureconsole.closure.ClosureReason;
import com.closureconsole.closure.ClosureSubmission;
import com.closureconsole.closure.FlowSteps;
import com.closureconsole.closure.VerificationMethod;
import com.closureconsole.closure.WalkedFlow;
import com.closureconsole.ui.Formats;
import com.closureconsole.ui.KaribuTest;
import com.closureconsole.ui.account.AccountView;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class StartClosureFlowTest extends KaribuTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FlowSteps flowSteps;

    @Autowired
    ClosureSubmission submissions;

    @Autowired
    Formats formats;

    @BeforeEach
    void signIn() {
        login("agent1", "AGENT");
    }

    private StartClosureDialog open(String accountId) {
        UI.getCurrent().navigate("accounts/" + accountId);
        Button start = _get(Button.class, spec -> spec.withId("start-closure"));
        assertThat(start.isEnabled()).isTrue();
        ButtonKt._click(start);
        return _get(StartClosureDialog.class);
    }

    private String text(StartClosureDialog dialog) {
        return dialog.body.getElement().getTextRecursively();
    }

    /** Walks verify → check → give up → reason, stopping before confirm. */
    private void walkToConfirm(StartClosureDialog dialog) {
        ButtonKt._click(dialog.next);
        assertThat(dialog.message.getText()).contains("Tick the box");
        dialog.identity.verified.setValue(true);
        ButtonKt._click(dialog.next);
        assertThat(dialog.step).isEqualTo(StartClosureDialog.Step.CHECK);
        assertThat(text(dialog)).contains("Can be closed.");
        ButtonKt._click(dialog.next);
        assertThat(dialog.step).isEqualTo(StartClosureDialog.Step.GIVE_UP);
        ButtonKt._click(dialog.next);
        assertThat(dialog.message.getText()).contains("must accept");
        dialog.giveUp.customerConfirms.setValue(true);
        ButtonKt._click(dialog.next);
        assertThat(dialog.step).isEqualTo(StartClosureDialog.Step.CONFIRM);
    }

    @Test
    void an_account_with_email_is_closed_and_the_customer_emailed() {
        String id = accounts.closable();
        StartClosureDialog dialog = open(id);
        walkToConfirm(dialog);
        assertThat(text(dialog)).contains("Account " + id + " will be closed now").contains("by email");
        ButtonKt._click(dialog.confirm);
        assertThat(dialog.confirmation.reason.isInvalid()).isTrue();
        dialog.confirmation.reason.setValue(ClosureReason.NO_LONGER_USED);
        ButtonKt._click(dialog.confirm);
        assertThat(dialog.step).isEqualTo(StartClosureDialog.Step.RESULT);
        assertThat(dialog.outcome.message.getText()).isEqualTo("Account " + id + " is closed. The customer is told by email.");
        assertThat(jdbc.queryForObject("SELECT status FROM account WHERE id = ?", String.class, id)).isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("SELECT verification_method || '/' || confirmation_version FROM closure_request WHERE account_id = ?",
                String.class, id)).isEqualTo("REAL_NAME_ID_AND_SMS/2026-11-v1");
    }

    @Test
    void an_account_without_email_is_told_by_sms() {
        String id = accounts.closableWithoutEmail();
        StartClosureDialog dialog = open(id);
        walkToConfirm(dialog);
        dialog.confirmation.reason.setValue(ClosureReason.PRIVACY);
        ButtonKt._click(dialog.confirm);
        assertThat(dialog.outcome.message.getText()).contains("is closed").contains("by SMS");
    }

    @Test
    void a_blocked_account_cannot_start_and_the_check_step_shows_every_blocker() {
        UI.getCurrent().navigate("accounts/2088000000000014");
        assertThat(_get(Button.class, spec -> spec.withId("start-closure")).isEnabled()).isFalse();
        AccountView view = _get(AccountView.class);
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("start-closure-reason")).getText())
                .contains("nothing above blocks");
        assertThat(view).isNotNull();
    }

    @Test
    void the_flow_stops_at_the_check_for_an_account_that_became_blocked() {
        String id = accounts.closable();
        StartClosureDialog dialog = open(id);
        accounts.setBalance(id, "5.00");
        dialog.identity.verified.setValue(true);
        ButtonKt._click(dialog.next);
        assertThat(text(dialog)).contains("Cannot be closed yet: 1 thing to do.").contains("Wallet balance: ¥5.00");
        assertThat(dialog.next.isVisible()).isFalse();
    }

    @Test
    void a_condition_that_appears_before_confirm_fails_the_second_check_and_saves_nothing() {
        String id = accounts.closable();
        StartClosureDialog dialog = open(id);
        walkToConfirm(dialog);
        accounts.addPendingPayment(id);
        dialog.confirmation.reason.setValue(ClosureReason.NO_LONGER_USED);
        ButtonKt._click(dialog.confirm);
        assertThat(dialog.outcome.message.getText()).contains("Nothing was saved");
        assertThat(text(dialog)).contains("No transaction in progress").contains("pending since");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM closure_request WHERE account_id = ?", Integer.class, id)).isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM account WHERE id = ?", String.class, id)).isEqualTo("ACTIVE");
    }

    @Test
    void never_activated_and_closed_accounts_cannot_start_and_say_why() {
        UI.getCurrent().navigate("accounts/2088000000000017");
        assertThat(_get(Button.class, spec -> spec.withId("start-closure")).isEnabled()).isFalse();
        assertThat(_get(AccountView.class).getElement().getTextRecursively()).contains("never activated");
        UI.getCurrent().navigate("accounts/2088000000000018");
        assertThat(_get(Button.class, spec -> spec.withId("start-closure")).isEnabled()).isFalse();
        assertThat(_get(AccountView.class).getElement().getTextRecursively()).contains("already closed");
    }

    @Test
    void the_linked_taobao_outcome_is_shown_before_confirming() {
        String id = accounts.create("淘宝客户", "tb@example.com", "tb_flow" + System.nanoTime() % 100000, true);
        StartClosureDialog dialog = open(id);
        dialog.identity.verified.setValue(true);
        ButtonKt._click(dialog.next);
        ButtonKt._click(dialog.next);
        assertThat(text(dialog)).contains("meets its own conditions and will be closed together with it");
        dialog.giveUp.customerConfirms.setValue(true);
        ButtonKt._click(dialog.next);
        assertThat(text(dialog)).contains("will be closed together with it");
    }

    @Test
    void back_returns_to_the_previous_step_and_cancel_writes_nothing() {
        String id = accounts.closable();
        StartClosureDialog dialog = open(id);
        dialog.identity.verified.setValue(true);
        ButtonKt._click(dialog.next);
        ButtonKt._click(dialog.back);
        assertThat(dialog.step).isEqualTo(StartClosureDialog.Step.VERIFY);
        ButtonKt._click(dialog.cancel);
        assertThat(dialog.isOpened()).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM closure_request WHERE account_id = ?", Integer.class, id)).isZero();
    }

    @Test
    void a_customer_who_fails_verification_is_recorded_and_the_flow_goes_no_further() {
        String id = accounts.closable();
        StartClosureDialog dialog = open(id);
        ButtonKt._click(dialog.identity.verificationFailed);
        assertThat(dialog.message.getText()).contains("failed verification is recorded");
        assertThat(dialog.next.isEnabled()).isFalse();
        assertThat(dialog.identity.verified.isEnabled()).isFalse();
        assertThat(jdbc.queryForObject("SELECT verification_passed FROM closure_flow WHERE flow_id = ?", Boolean.class,
                dialog.flowId)).isFalse();
        assertThat(jdbc.queryForList("SELECT action || ':' || outcome FROM audit_entry WHERE correlation_id = ?",
                String.class, dialog.flowId)).containsExactly("IDENTITY_VERIFICATION:FAILURE");
    }

    @Test
    void a_submission_whose_verification_no_longer_stands_is_refused_with_the_reason_in_words() {
        String id = accounts.closable();
        StartClosureDialog dialog = open(id);
        walkToConfirm(dialog);
        assertThat(jdbc.queryForObject("SELECT confirmation_version FROM closure_flow WHERE flow_id = ?", String.class,
                dialog.flowId)).isEqualTo(FlowSteps.CONFIRMATION_VERSION);
        // Meanwhile the customer failed a verification of the same flow (another tab, another node).
        flowSteps.recordVerification(id, dialog.flowId, VerificationMethod.REAL_NAME_ID_AND_SMS, false);
        dialog.confirmation.reason.setValue(ClosureReason.NO_LONGER_USED);
        ButtonKt._click(dialog.confirm);
        assertThat(dialog.step).isEqualTo(StartClosureDialog.Step.RESULT);
        assertThat(dialog.outcome.message.getText()).isEqualTo(
                "Not closed: no passed identity verification is recorded for this closure. Nothing was saved.");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM closure_request WHERE account_id = ?", Integer.class, id)).isZero();
    }

    @Test
    void an_agent_who_loses_the_race_is_told_who_closed_the_account_and_when_in_local_time() {
        String id = accounts.closable();
        StartClosureDialog dialog = open(id);
        walkToConfirm(dialog);
        // Meanwhile a colleague closes the same account from their own console.
        Authentication agent1 = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("agent2", null,
                List.of(new SimpleGrantedAuthority("ROLE_AGENT"))));
        try {
            submissions.submit(WalkedFlow.walked(flowSteps, id));
        } finally {
            SecurityContextHolder.getContext().setAuthentication(agent1);
        }
        dialog.confirmation.reason.setValue(ClosureReason.NO_LONGER_USED);
        ButtonKt._click(dialog.confirm);

        assertThat(dialog.step).isEqualTo(StartClosureDialog.Step.RESULT);
        Instant closedAt = jdbc.queryForObject("SELECT finished_at FROM closure_request WHERE account_id = ?",
                Timestamp.class, id).toInstant();
        assertThat(dialog.outcome.message.getText()).isEqualTo("Not closed: agent2 closed account " + id + " at "
                + formats.dateTime(closedAt, UI.getCurrent().getLocale()) + ", just before this confirmation. Nothing was saved.");
        assertThat(dialog.outcome.message.getText()).doesNotContain("something changed");
    }
}
