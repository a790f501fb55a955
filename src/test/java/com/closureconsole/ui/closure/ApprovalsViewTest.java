package com.closureconsole.ui.closure;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import com.closureconsole.TestAccounts;
import com.closureconsole.closure.ClosureJobs;
import com.closureconsole.closure.ClosureReason;
import com.closureconsole.closure.ClosureSubmission;
import com.closureconsole.closure.FlowSteps;
import com.closureconsole.closure.WalkedFlow;
import com.closureconsole.closure.VerificationMethod;
import com.closureconsole.ui.KaribuTest;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ApprovalsViewTest extends KaribuTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    ClosureJobs closureJobs;

    @Autowired
    FlowSteps flowSteps;

    @Autowired
    ClosureSubmission submissions;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void defaults() {
        closureJobs.requireApproval(false);
        closureJobs.coolingOff(Duration.ZERO);
    }

    private String submitAs(String user, String role) {
        login(user, role);
        String id = accounts.closable();
        UUID flow = UUID.randomUUID();
        submissions.submit(WalkedFlow.walked(flowSteps, id, flow,
                VerificationMethod.REAL_NAME_ID_AND_SMS, ClosureReason.NO_LONGER_USED, null));
        return id;
    }

    private void select(ApprovalsView view, String accountId) {
        var rows = GridKt._fetch(view.grid, 0, 200);
        var row = rows.stream().filter(r -> r.request().accountId().equals(accountId)).findFirst().orElseThrow();
        view.grid.select(row);
    }

    @Test
    void a_supervisor_rejects_with_a_reason() {
        closureJobs.requireApproval(true);
        String id = submitAs("agent1", "AGENT");
        login("supervisor1", "SUPERVISOR");
        UI.getCurrent().navigate("approvals");
        ApprovalsView view = _get(ApprovalsView.class);
        select(view, id);
        ButtonKt._click(view.reject);
        DecisionDialog dialog = _get(DecisionDialog.class);
        ButtonKt._click(dialog.confirm);
        assertThat(dialog.reason.isInvalid()).isTrue();
        dialog.reason.setValue("customer withdrew the request");
        ButtonKt._click(dialog.confirm);
        assertThat(jdbc.queryForObject("SELECT state || ':' || decision_reason FROM closure_request WHERE account_id = ?",
                String.class, id)).isEqualTo("REJECTED:customer withdrew the request");
        assertThat(GridKt._fetch(view.grid, 0, 200)).noneMatch(r -> r.request().accountId().equals(id));
    }

    @Test
    void choosing_approvals_again_lists_what_arrived_meanwhile() {
        closureJobs.requireApproval(true);
        login("supervisor1", "SUPERVISOR");
        UI.getCurrent().navigate("approvals");
        ApprovalsView before = _get(ApprovalsView.class);
        String id = submitAs("agent1", "AGENT");
        assertThat(GridKt._fetch(before.grid, 0, 200)).noneMatch(r -> r.request().accountId().equals(id));

        login("supervisor1", "SUPERVISOR");
        UI.getCurrent().navigate("approvals");
        ApprovalsView after = _get(ApprovalsView.class);
        assertThat(after).as("Vaadin keeps the view it shows").isSameAs(before);
        assertThat(GridKt._fetch(after.grid, 0, 200)).anyMatch(r -> r.request().accountId().equals(id));
    }

    @Test
    void a_supervisor_is_told_that_a_rejection_left_an_account_frozen_meanwhile_as_it_was() {
        closureJobs.requireApproval(true);
        String id = submitAs("agent1", "AGENT");
        jdbc.update("UPDATE account SET status = 'FROZEN' WHERE id = ?", id);
        login("supervisor1", "SUPERVISOR");
        UI.getCurrent().navigate("approvals");
        ApprovalsView view = _get(ApprovalsView.class);
        select(view, id);
        ButtonKt._click(view.reject);
        DecisionDialog dialog = _get(DecisionDialog.class);
        dialog.reason.setValue("customer withdrew the request");
        ButtonKt._click(dialog.confirm);
        NotificationsKt.expectNotifications("Closure of " + id + " rejected. The account was not changed: it is Frozen now,"
                + " where the closure expected Closing. Check with risk control before acting on it.");
        assertThat(jdbc.queryForObject("SELECT status FROM account WHERE id = ?", String.class, id)).isEqualTo("FROZEN");
    }

    @Test
    void an_agent_is_told_that_a_cancellation_left_an_account_frozen_meanwhile_as_it_was() {
        closureJobs.coolingOff(Duration.ofHours(1));
        String id = submitAs("agent1", "AGENT");
        jdbc.update("UPDATE account SET status = 'FROZEN' WHERE id = ?", id);
        useLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("closures");
        ClosureRequestsView view = _get(ClosureRequestsView.class);
        var row = GridKt._fetch(view.grid, 0, 200).stream().filter(r -> r.request().accountId().equals(id)).findFirst().orElseThrow();
        view.grid.select(row);
        ButtonKt._click(view.cancelRequest);
        ButtonKt._click(_get(DecisionDialog.class).confirm);
        NotificationsKt.expectNotifications(t("requests.cancelled", id) + " "
                + t("decision.accountUnchanged", t("status.CLOSING"), t("status.FROZEN")));
        assertThat(t("status.FROZEN")).isEqualTo("已冻结");
        assertThat(jdbc.queryForObject("SELECT status FROM account WHERE id = ?", String.class, id)).isEqualTo("FROZEN");
    }

    @Test
    void a_supervisor_cannot_approve_their_own_closure() {
        closureJobs.requireApproval(true);
        String id = submitAs("supervisor1", "SUPERVISOR");
        UI.getCurrent().navigate("approvals");
        ApprovalsView view = _get(ApprovalsView.class);
        select(view, id);
        ButtonKt._click(view.approve);
        ButtonKt._click(_get(DecisionDialog.class).confirm);
        assertThat(jdbc.queryForObject("SELECT state FROM closure_request WHERE account_id = ?", String.class, id))
                .isEqualTo("AWAITING_APPROVAL");
    }

    @Test
    void a_supervisor_sends_an_undelivered_notification_again_from_the_approvals_view() {
        String id = submitAs("agent1", "AGENT");
        long notification = jdbc.queryForObject("SELECT id FROM notification WHERE account_id = ?", Long.class, id);
        jdbc.update("UPDATE notification SET status = 'FAILED', attempts = 5, last_error = 'MailSendException' WHERE id = ?",
                notification);
        login("supervisor1", "SUPERVISOR");
        UI.getCurrent().navigate("approvals");
        UndeliveredNotificationsPanel panel = _get(ApprovalsView.class).undelivered;
        assertThat(panel.resend.isEnabled()).isFalse();
        var row = GridKt._fetch(panel.grid, 0, 100).stream().filter(u -> u.id() == notification).findFirst().orElseThrow();
        assertThat(row.maskedRecipient()).isEqualTo("t***@example.com");
        assertThat(GridKt._getFormattedRow(panel.grid, GridKt._fetch(panel.grid, 0, 100).indexOf(row)))
                .contains(id, "Email · t***@example.com", "5", "MailSendException");
        panel.grid.select(row);
        ButtonKt._click(panel.resend);
        NotificationsKt.expectNotifications("The notification for account " + id + " is queued again.");
        assertThat(jdbc.queryForObject("SELECT status || ':' || resends FROM notification WHERE id = ?", String.class,
                notification)).isEqualTo("QUEUED:1");
        assertThat(GridKt._fetch(panel.grid, 0, 100)).noneMatch(u -> u.id() == notification);
    }

    @Test
    void an_agent_cannot_open_approvals() {
        login("agent1", "AGENT");
        UI.getCurrent().navigate("approvals");
        assertThat(_find(ApprovalsView.class)).isEmpty();
    }

    @Test
    void an_agent_cancels_within_cooling_off_from_the_requests_view() {
        closureJobs.coolingOff(Duration.ofHours(1));
        String id = submitAs("agent1", "AGENT");
        UI.getCurrent().navigate("closures");
        ClosureRequestsView view = _get(ClosureRequestsView.class);
        var row = GridKt._fetch(view.grid, 0, 200).stream().filter(r -> r.request().accountId().equals(id)).findFirst().orElseThrow();
        view.grid.select(row);
        assertThat(view.cancelRequest.isEnabled()).isTrue();
        ButtonKt._click(view.cancelRequest);
        ButtonKt._click(_get(DecisionDialog.class).confirm);
        assertThat(jdbc.queryForObject("SELECT state FROM closure_request WHERE account_id = ?", String.class, id))
                .isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("SELECT status FROM account WHERE id = ?", String.class, id)).isEqualTo("ACTIVE");
    }
}
