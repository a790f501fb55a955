package com.closureconsole.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.closureconsole.ConsoleTest;
import com.closureconsole.TestAccounts;
import com.closureconsole.notification.NotificationJobs;
import com.closureconsole.notification.UndeliveredNotifications;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

/** The checklist reaches the customer through the notification dispatcher: over real SMTP, or by SMS. */
@ConsoleTest
@WithMockUser(username = "agent1", roles = "AGENT")
class ChecklistDeliveryTest {

    @Autowired
    CustomerChecklists checklists;

    @Autowired
    NotificationJobs notifications;

    @Autowired
    TestAccounts accounts;

    @Autowired
    GreenMail greenMail;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UndeliveredNotifications undelivered;

    private SendResult.Sent send(String accountId, ChecklistDraft draft) {
        SendResult.Sent sent = (SendResult.Sent) checklists.send(accountId, draft.digest());
        // Ahead of whatever other tests left in the queue.
        jdbc.update("UPDATE notification SET next_attempt_at = now() - interval '100 days' WHERE id = ?",
                sent.checklist().delivery().notificationId());
        return sent;
    }

    private ChecklistDraft preview(String accountId) {
        return ((ChecklistPreview.Ready) checklists.preview(accountId)).draft();
    }

    @Test
    void the_email_the_customer_receives_over_smtp_is_the_previewed_one_and_its_delivery_shows() throws Exception {
        String email = "qd.smtp." + System.nanoTime() + "@example.com";
        String id = accounts.create("英文客户", email, null, null);
        accounts.setBalance(id, "7.00");
        jdbc.update("UPDATE account SET locale = 'en' WHERE id = ?", id);
        ChecklistDraft draft = preview(id);
        long notification = send(id, draft).checklist().delivery().notificationId();

        notifications.dispatchDue();

        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return GreenMailUtil.getAddressList(m.getAllRecipients()).contains(email);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).findFirst().orElseThrow();
        assertThat(received.getSubject()).isEqualTo(draft.subject()).isEqualTo("What to do before your wallet account can be closed");
        assertThat(((String) received.getContent()).replace("\r\n", "\n").strip()).isEqualTo(draft.body().strip());
        assertThat(received.getMessageID()).isEqualTo("<notification-" + notification + "@closure-console>");

        SentChecklist shown = checklists.forAccount(id).get(0);
        assertThat(shown.delivery().status()).isEqualTo("SENT");
        assertThat(shown.delivery().attempts()).isEqualTo(1);
        assertThat(shown.delivery().sentAt()).isNotNull();
        Map<String, Object> delivery = jdbc.queryForMap("""
                SELECT outcome, details ->> 'messageId' AS message FROM audit_entry
                 WHERE action = 'NOTIFICATION_DELIVERY' AND account_id = ?""", id);
        assertThat(delivery).containsEntry("outcome", "SUCCESS").containsEntry("message", "notification-" + notification);
    }

    @Test
    void an_account_without_email_gets_the_checklist_by_sms() {
        String id = accounts.closableWithoutEmail();
        accounts.setBalance(id, "3.00");
        String phone = jdbc.queryForObject("SELECT phone FROM account WHERE id = ?", String.class, id);
        ChecklistDraft draft = preview(id);
        send(id, draft);

        notifications.dispatchDue();

        assertThat(jdbc.queryForObject("SELECT body FROM sent_message WHERE channel = 'SMS' AND recipient = ?", String.class, phone))
                .isEqualTo(draft.body()).contains("3.00 元");
        assertThat(checklists.forAccount(id).get(0).delivery().status()).isEqualTo("SENT");
    }

    @Test
    void a_delivery_that_keeps_failing_is_retried_then_shown_failed() {
        String id = accounts.create("退信客户", "qd.bounce@example.com", null, null);
        accounts.setBalance(id, "1.00");
        long notification = send(id, preview(id)).checklist().delivery().notificationId();
        jdbc.update("UPDATE notification SET recipient = 'not an address' WHERE id = ?", notification);

        notifications.dispatchDue();
        SentChecklist retrying = checklists.forAccount(id).get(0);
        assertThat(retrying.delivery().status()).isEqualTo("QUEUED");
        assertThat(retrying.delivery().attempts()).isEqualTo(1);
        assertThat(retrying.delivery().lastError()).isNotBlank();

        jdbc.update("UPDATE notification SET attempts = 4, next_attempt_at = now() - interval '100 days' WHERE id = ?", notification);
        notifications.dispatchDue();
        SentChecklist failed = checklists.forAccount(id).get(0);
        assertThat(failed.delivery().status()).isEqualTo("FAILED");
        assertThat(failed.delivery().attempts()).isEqualTo(5);

        // A supervisor sends it again from the list of undelivered notifications; the text stays the one previewed.
        jdbc.update("UPDATE notification SET recipient = 'qd.bounce@example.com' WHERE id = ?", notification);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("supervisor1", null,
                List.of(new SimpleGrantedAuthority("ROLE_SUPERVISOR"))));
        assertThat(undelivered.resend(notification)).isTrue();
        jdbc.update("UPDATE notification SET next_attempt_at = now() - interval '100 days' WHERE id = ?", notification);
        notifications.dispatchDue();
        assertThat(checklists.forAccount(id).get(0).delivery().status()).isEqualTo("SENT");
    }
}
