package com.closureconsole.ui.account;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.closureconsole.TestAccounts;
import com.closureconsole.closure.ClosureSubmission;
import com.closureconsole.closure.FlowSteps;
import com.closureconsole.closure.WalkedFlow;
import com.closureconsole.ui.KaribuTest;
import com.closureconsole.ui.i18n.Translations;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AccountViewTest extends KaribuTest {

    @BeforeEach
    void signIn() {
        login("agent1", "AGENT");
    }

    private AccountView open(String accountId) {
        UI.getCurrent().navigate("accounts/" + accountId);
        return _get(AccountView.class);
    }

    private String text(com.vaadin.flow.component.Component component) {
        return component.getElement().getTextRecursively();
    }

    /** The eligibility panel's verdict line, found by its id. */
    private Paragraph verdict(AccountView view) {
        return _get(view.eligibilityPanel, Paragraph.class, spec -> spec.withId("verdict"));
    }

    /** The eligibility panel's checklist of the ten conditions. */
    private Div conditions(AccountView view) {
        return _get(view.eligibilityPanel, Div.class, spec -> spec.withId("conditions"));
    }

    @Autowired
    TestAccounts accounts;

    @Autowired
    FlowSteps steps;

    @Autowired
    ClosureSubmission submission;

    @Test
    void an_account_without_closure_requests_holds_no_grid_and_one_with_a_request_lists_it() {
        String id = accounts.closable();
        AccountView before = open(id);
        assertThat(before.requests.isVisible()).isFalse();
        assertThat(LocatorJ._find(before, Grid.class)).isEmpty();

        submission.submit(WalkedFlow.walked(steps, id));
        AccountView after = open(id);
        assertThat(after.requests.isVisible()).isTrue();
        Grid<?> grid = LocatorJ._get(after.requests, Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(text(after.requests)).contains("Closure requests for this account");
    }

    @Test
    void a_closable_account_says_so_first() {
        AccountView view = open("2088000000000001");
        assertThat(verdict(view).getText()).isEqualTo("Can be closed.");
        assertThat(view.name.getText()).isEqualTo("*伟");
        assertThat(view.phone.getText()).isEqualTo("138****8001");
        assertThat(conditions(view).getChildren()).hasSize(10)
                .allSatisfy(c -> assertThat(c.getClassNames()).contains("passed"));
    }

    @Test
    void the_multi_blocker_account_shows_every_blocker_with_figures_and_remedies() {
        AccountView view = open("2088000000000014");
        assertThat(verdict(view).getText()).isEqualTo("Cannot be closed yet: 4 things to do.");
        var blocking = conditions(view).getChildren().filter(Details.class::isInstance).map(Details.class::cast).toList();
        assertThat(blocking).extracting(d -> d.getId().orElseThrow()).containsExactly(
                "condition-BALANCE_NOT_ZERO", "condition-YUEBAO_NOT_EMPTY", "condition-HUABEI_OPEN",
                "condition-DISPUTE_OR_RESTRICTION");
        assertThat(blocking).allSatisfy(d -> assertThat(d.isOpened()).isTrue());
        assertThat(text(blocking.get(0))).contains("Wallet balance: ¥88.00").contains("Withdraw, spend or transfer")
                .contains("BALANCE_NOT_ZERO").contains("the customer has to act");
        assertThat(text(blocking.get(1))).contains("¥500.00").contains("T+1");
        assertThat(text(blocking.get(3))).contains("Open dispute on trade T001420260001");
        assertThat(conditions(view).getChildren().filter(Div.class::isInstance)).hasSize(6);
    }

    @Test
    void a_withdrawal_blocker_says_when_it_lifts() {
        AccountView view = open("2088000000000006");
        Details blocker = (Details) conditions(view).getChildren()
                .filter(Details.class::isInstance).findFirst().orElseThrow();
        assertThat(blocker.getClassNames()).contains("lifts-soon");
        assertThat(text(blocker)).containsPattern("Lifts by itself in 2[12] h \\d+ min");
    }

    @Test
    void a_merchant_contract_lifts_at_its_end_date() {
        AccountView view = open("2088000000000012");
        assertThat(text(conditions(view))).containsPattern("Lifts by itself in 36[45] days");
    }

    @Test
    void a_never_activated_account_is_refused_before_the_conditions() {
        AccountView view = open("2088000000000017");
        assertThat(verdict(view).getText()).contains("never activated");
        assertThat(_find(view.eligibilityPanel, Div.class, spec -> spec.withId("conditions"))).isEmpty();
    }

    @Test
    void a_closed_account_is_refused_with_its_own_message() {
        AccountView view = open("2088000000000018");
        assertThat(verdict(view).getText()).contains("already closed");
    }

    @Test
    void an_unknown_or_malformed_id_gets_a_clear_message() {
        AccountView view = open("2088999999999999");
        assertThat(view.notFound.getText()).contains("There is no account 2088999999999999");
        view = open("not-an-id");
        assertThat(view.notFound.getText()).contains("is not an account id");
    }

    @Test
    void revealing_personal_data_needs_a_reason_and_shows_the_full_data() {
        AccountView view = open("2088000000000001");
        ButtonKt._click(view.reveal);
        RevealDialog dialog = _get(RevealDialog.class);
        ButtonKt._click(dialog.confirm);
        assertThat(dialog.reason.isInvalid()).isTrue();
        assertThat(view.name.getText()).isEqualTo("*伟");

        dialog.reason.setValue(com.closureconsole.account.RevealReason.IDENTITY_CHECK);
        ButtonKt._click(dialog.confirm);
        assertThat(view.name.getText()).isEqualTo("张伟");
        assertThat(view.phone.getText()).isEqualTo("+8613800138001");
        assertThat(view.email.getText()).isEqualTo("zhang.wei@example.com");
    }

    @Test
    void going_from_one_account_straight_to_another_shows_only_the_other() {
        AccountView first = open("2088000000000001");
        String firstVerdict = verdict(first).getText();
        ButtonKt._click(first.reveal);
        RevealDialog dialog = _get(RevealDialog.class);
        dialog.reason.setValue(com.closureconsole.account.RevealReason.IDENTITY_CHECK);
        ButtonKt._click(dialog.confirm);
        assertThat(first.name.getText()).isEqualTo("张伟");

        // Vaadin keeps the view from one account to the next: nothing of the one before may stay.
        AccountView missing = open("2088999999999999");
        assertThat(missing).isSameAs(first);
        assertThat(missing.profile.isVisible()).isFalse();
        AccountView second = open("2088000000000002");
        assertThat(second).isSameAs(first);
        assertThat(second.notFound.isVisible()).isFalse();
        assertThat(second.profile.isVisible()).isTrue();
        assertThat(second.eligibilityPanel.isVisible()).isTrue();
        assertThat(second.checklist.isVisible()).isTrue();
        assertThat(second.startClosure.isVisible()).isTrue();
        assertThat(second.name.getText()).as("masked again").startsWith("*").isNotEqualTo("张伟");
        assertThat(second.reveal.isEnabled()).isTrue();
        assertThat(second.reveal.getText()).isEqualTo(first.getTranslation("account.reveal"));
        assertThat(verdict(second).getText()).isNotEqualTo(firstVerdict);
    }

    @Test
    void the_panel_speaks_chinese_with_money_in_yuan() {
        useLocale(Translations.CHINESE);
        AccountView view = open("2088000000000002");
        assertThat(verdict(view).getText()).isEqualTo("暂不能注销：还有 1 项需要处理。");
        assertThat(text(conditions(view))).contains("账户余额：12.50 元");
    }

    @Test
    void supervisors_get_a_link_to_the_account_audit_trail_and_agents_do_not() {
        assertThat(open("2088000000000001").auditTrail.isVisible()).isFalse();
        login("supervisor1", "SUPERVISOR");
        AccountView view = open("2088000000000001");
        assertThat(view.auditTrail.isVisible()).isTrue();
        assertThat(view.auditTrail.getHref()).isEqualTo("audit?account=2088000000000001");
        UI.getCurrent().navigate("audit", com.vaadin.flow.router.QueryParameters.of("account", "2088000000000001"));
        _get(com.closureconsole.ui.audit.AuditView.class);
        @SuppressWarnings("unchecked")
        var grid = (com.vaadin.flow.component.grid.Grid<com.closureconsole.audit.AuditEntry>)
                _get(com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("audit-grid"));
        var rows = com.github.mvysny.kaributesting.v10.GridKt._fetch(grid, 0, 50);
        assertThat(rows).isNotEmpty().allSatisfy(e -> assertThat(e.accountId()).isEqualTo("2088000000000001"));
    }
}
