package com.closureconsole.ui.checklist;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.closureconsole.TestAccounts;
import com.closureconsole.checklist.ChecklistPreview;
import com.closureconsole.checklist.CustomerChecklists;
import com.closureconsole.checklist.SendResult;
import com.closureconsole.checklist.SentChecklist;
import com.closureconsole.notification.NotificationJobs;
import com.closureconsole.ui.KaribuTest;
import com.closureconsole.ui.i18n.Translations;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class CustomerChecklistPanelTest extends KaribuTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CustomerChecklists checklists;

    @Autowired
    NotificationJobs notifications;

    @BeforeEach
    void signIn() {
        login("agent1", "AGENT");
    }

    private CustomerChecklistPanel open(String accountId) {
        UI.getCurrent().navigate("accounts/" + accountId);
        return _get(CustomerChecklistPanel.class);
    }

    private ChecklistDialog preview(CustomerChecklistPanel panel) {
        assertThat(panel.preview.isEnabled()).isTrue();
        ButtonKt._click(panel.preview);
        return _get(ChecklistDialog.class);
    }

    private String blocked(String email, String locale) {
        String id = accounts.create("清单界面", email, null, null);
        accounts.setBalance(id, "12.50");
        jdbc.update("UPDATE account SET locale = ? WHERE id = ?", locale, id);
        return id;
    }

    private void sendByService(String accountId) {
        var draft = ((ChecklistPreview.Ready) checklists.preview(accountId)).draft();
        assertThat(checklists.send(accountId, draft.digest())).isInstanceOf(SendResult.Sent.class);
    }

    @Test
    void the_agent_previews_exactly_what_the_customer_receives_then_sends_it() {
        String id = blocked("qd.ui@example.com", "zh_CN");
        CustomerChecklistPanel panel = open(id);
        assertThat(panel.sent).as("an account without checklists has no grid for them").isNull();
        assertThat(panel.availability.getText()).isEqualTo("0 of 3 checklists sent to this customer in the last 24 hours.");
        assertThat(panel.none.isVisible()).isTrue();

        ChecklistDialog dialog = preview(panel);

        var expected = ((ChecklistPreview.Ready) checklists.preview(id)).draft();
        assertThat(dialog.to.getText()).isEqualTo("By Email to q***@example.com, in Simplified Chinese");
        assertThat(dialog.subjectRow.isVisible()).isTrue();
        assertThat(dialog.subject.getText()).isEqualTo(expected.subject()).isEqualTo("注销钱包账户前需要您处理的事项");
        assertThat(dialog.body.getText()).isEqualTo(expected.body()).contains("账户余额：12.50 元");
        assertThat(dialog.smsNote.isVisible()).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification WHERE account_id = ?", Integer.class, id)).isZero();

        ButtonKt._click(dialog.send);

        NotificationsKt.expectNotifications("Checklist for " + id + " queued: Email to q***@example.com.");
        assertThat(dialog.isOpened()).isFalse();
        assertThat(jdbc.queryForObject("SELECT body FROM notification WHERE account_id = ?", String.class, id))
                .isEqualTo(expected.body());
        assertThat(panel.availability.getText()).isEqualTo("1 of 3 checklists sent to this customer in the last 24 hours.");
        assertThat(GridKt._size(sent(panel))).isEqualTo(1);
        List<String> row = GridKt._getFormattedRow(sent(panel), 0);
        assertThat(row.get(1)).isEqualTo("Email");
        assertThat(row.get(2)).isEqualTo("q***@example.com");
        assertThat(row.get(3)).isEqualTo("Simplified Chinese");
        assertThat(row.get(4)).isEqualTo("agent1");
        assertThat(row.get(5)).startsWith("Queued (attempts so far: 0; next try ");
    }

    @Test
    void the_delivery_status_shows_on_the_account_and_updates_on_reload() {
        String id = blocked(null, "en");
        sendByService(id);
        jdbc.update("UPDATE notification SET next_attempt_at = now() - interval '100 days' WHERE account_id = ?", id);
        CustomerChecklistPanel panel = open(id);
        assertThat(GridKt._getFormattedRow(sent(panel), 0).get(5)).startsWith("Queued");
        assertThat(GridKt._getFormattedRow(sent(panel), 0).get(1)).isEqualTo("SMS");
        assertThat(GridKt._getFormattedRow(sent(panel), 0).get(3)).isEqualTo("English");

        notifications.dispatchDue();
        panel = open(id);

        assertThat(GridKt._getFormattedRow(sent(panel), 0).get(5)).startsWith("Delivered ");
    }

    @Test
    void a_failed_delivery_shows_its_attempts_and_error() {
        String id = blocked("qd.ui.fail@example.com", "zh_CN");
        sendByService(id);
        jdbc.update("UPDATE notification SET status = 'FAILED', attempts = 5, last_error = 'MailSendException' WHERE account_id = ?", id);

        CustomerChecklistPanel panel = open(id);

        assertThat(GridKt._getFormattedRow(sent(panel), 0).get(5)).isEqualTo("Failed after 5 attempts (MailSendException)");
    }

    @Test
    void an_sms_preview_says_it_has_no_subject() {
        String id = blocked(null, "en");
        ChecklistDialog dialog = preview(open(id));
        assertThat(dialog.to.getText()).startsWith("By SMS to ").endsWith(", in English");
        assertThat(dialog.subjectRow.isVisible()).isFalse();
        assertThat(dialog.smsNote.isVisible()).isTrue();
        assertThat(dialog.body.getText()).contains("Wallet balance: ¥12.50");
    }

    @Test
    void over_the_limit_the_agent_is_told_when_the_next_checklist_can_be_sent() {
        String id = blocked("qd.ui.limit@example.com", "zh_CN");
        for (int i = 0; i < 3; i++) {
            sendByService(id);
        }

        CustomerChecklistPanel panel = open(id);

        assertThat(panel.preview.isEnabled()).isFalse();
        assertThat(panel.availability.getText())
                .startsWith("This customer has already been sent 3 checklists in the last 24 hours, the most allowed. The next one can be sent from ")
                .containsPattern("\\(in 2[34] h \\d+ min\\)\\.$");
        assertThat(GridKt._size(sent(panel))).isEqualTo(3);
    }

    @Test
    void a_send_refused_by_the_server_because_another_agent_reached_the_limit_is_said_in_the_dialog() {
        String id = blocked("qd.ui.race@example.com", "zh_CN");
        sendByService(id);
        sendByService(id);
        ChecklistDialog dialog = preview(open(id));
        // Meanwhile another agent sends the third.
        sendByService(id);

        ButtonKt._click(dialog.send);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.error.isVisible()).isTrue();
        assertThat(dialog.error.getText()).startsWith("This customer has already been sent 3 checklists").contains("The next one can be sent from");
        assertThat(dialog.send.isEnabled()).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_checklist WHERE account_id = ?", Integer.class, id)).isEqualTo(3);
    }

    @Test
    void a_checklist_that_changed_while_the_preview_was_open_is_shown_afresh_before_it_can_be_sent() {
        String id = blocked("qd.ui.changed@example.com", "en");
        ChecklistDialog dialog = preview(open(id));
        accounts.setBalance(id, "40.00");

        ButtonKt._click(dialog.send);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.error.getText()).startsWith("The checklist changed since it was shown");
        assertThat(dialog.body.getText()).contains("¥40.00").doesNotContain("¥12.50");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification WHERE account_id = ?", Integer.class, id)).isZero();

        ButtonKt._click(dialog.send);
        assertThat(jdbc.queryForObject("SELECT body FROM notification WHERE account_id = ?", String.class, id)).contains("¥40.00");
    }

    @Test
    void a_closable_account_has_no_checklist_to_send_and_says_so_in_chinese() {
        useLocale(Translations.CHINESE);
        CustomerChecklistPanel panel = open(accounts.closable());
        assertThat(panel.preview.isEnabled()).isFalse();
        assertThat(panel.availability.getText()).isEqualTo("没有阻止注销的事项，无需发送清单。");
        assertThat(_find(ChecklistDialog.class)).isEmpty();
    }

    /** The grid of sent checklists, which the panel makes only once an account with any is shown. */
    private static Grid<SentChecklist> sent(CustomerChecklistPanel panel) {
        assertThat(panel.sent).as("the grid of sent checklists").isNotNull();
        return java.util.Objects.requireNonNull(panel.sent);
    }
}
