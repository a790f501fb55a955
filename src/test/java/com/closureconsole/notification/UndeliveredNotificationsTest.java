package com.closureconsole.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import com.closureconsole.ConsoleTest;
import com.closureconsole.TestAccounts;
import com.closureconsole.closure.ClosureReason;
import com.closureconsole.closure.ClosureSubmission;
import com.closureconsole.closure.FlowSteps;
import com.closureconsole.closure.WalkedFlow;
import com.closureconsole.closure.VerificationMethod;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

@ConsoleTest
@WithMockUser(username = "supervisor1", roles = "SUPERVISOR")
class UndeliveredNotificationsTest {

    @Autowired
    UndeliveredNotifications undelivered;

    @Autowired
    NotificationDispatcher dispatcher;

    @Autowired
    FlowSteps flowSteps;

    @Autowired
    ClosureSubmission submissions;

    @Autowired
    TestAccounts accounts;

    @Autowired
    GreenMail greenMail;

    @Autowired
    JdbcTemplate jdbc;

    /** A closure whose email notification failed after its last attempt; answers the notification's id. */
    private long failedNotification(String email) {
        UUID flow = UUID.randomUUID();
        submissions.submit(WalkedFlow.walked(flowSteps, accounts.create("未达客户", email, null, null), flow,
                VerificationMethod.REAL_NAME_ID_AND_SMS, ClosureReason.NO_LONGER_USED, null));
        long id = jdbc.queryForObject("SELECT id FROM notification WHERE closure_request_id = ?", Long.class, flow);
        jdbc.update("UPDATE notification SET status = 'FAILED', attempts = 5, last_error = 'MailSendException' WHERE id = ?", id);
        return id;
    }

    private List<String> resendAudit(long notification) {
        return jdbc.queryForList("""
                SELECT outcome || ':' || coalesce(details ->> 'messageId', details ->> 'refused') FROM audit_entry
                 WHERE action = 'NOTIFICATION_RESEND' AND details ->> 'notificationId' = ? ORDER BY id""",
                String.class, String.valueOf(notification));
    }

    @Test
    void a_supervisor_sees_a_failed_notification_masked_and_sends_it_again_as_a_new_message() throws Exception {
        String email = "r" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        long id = failedNotification(email);

        var listed = undelivered.list(100).stream().filter(u -> u.id() == id).findFirst().orElseThrow();
        assertThat(listed.maskedRecipient()).startsWith("r***@").doesNotContain(email);
        assertThat(listed.attempts()).isEqualTo(5);

        assertThat(undelivered.resend(id)).isTrue();
        assertThat(jdbc.queryForObject("SELECT status || ':' || attempts || ':' || resends FROM notification WHERE id = ?",
                String.class, id)).isEqualTo("QUEUED:0:1");
        assertThat(undelivered.list(100)).noneMatch(u -> u.id() == id);
        assertThat(undelivered.resend(id)).as("already queued again").isFalse();
        assertThat(resendAudit(id)).containsExactly("SUCCESS:notification-" + id + "-resend-1", "FAILURE:NOT_FAILED");

        jdbc.update("UPDATE notification SET next_attempt_at = now() - interval '100 days' WHERE id = ?", id);
        dispatcher.dispatchDue();
        assertThat(jdbc.queryForObject("SELECT status FROM notification WHERE id = ?", String.class, id)).isEqualTo("SENT");
        MimeMessage received = null;
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(email)) {
                received = m;
            }
        }
        assertThat(received).isNotNull();
        assertThat(received.getMessageID()).isEqualTo("<notification-" + id + "-resend-1@closure-console>");
    }

    @Test
    @WithMockUser(username = "agent1", roles = "AGENT")
    void an_agent_can_neither_list_nor_resend_failed_notifications() {
        assertThatThrownBy(() -> undelivered.list(10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> undelivered.resend(1L)).isInstanceOf(AccessDeniedException.class);
    }
}
