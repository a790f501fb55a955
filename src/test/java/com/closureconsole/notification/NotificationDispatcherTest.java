package com.closureconsole.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import com.closureconsole.ConsoleTest;
import com.closureconsole.TestAccounts;
import com.closureconsole.closure.ClosureReason;
import com.closureconsole.closure.ClosureSubmission;
import com.closureconsole.closure.FlowSteps;
import com.closureconsole.closure.WalkedFlow;
import com.closureconsole.closure.VerificationMethod;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

@ConsoleTest
@WithMockUser(username = "agent1", roles = "AGENT")
class NotificationDispatcherTest {

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

    @Autowired
    Deliveries deliveries;

    /** Closes the account; its notification goes first in the queue, ahead of what other tests left. */
    private UUID close(String accountId) {
        UUID flow = UUID.randomUUID();
        submissions.submit(WalkedFlow.walked(flowSteps, accountId, flow,
                VerificationMethod.REAL_NAME_ID_AND_SMS, ClosureReason.NO_LONGER_USED, null));
        dueFirst(flow);
        return flow;
    }

    private void dueFirst(UUID request) {
        jdbc.update("UPDATE notification SET next_attempt_at = now() - interval '100 days' WHERE closure_request_id = ?", request);
    }

    @Test
    void the_result_is_emailed_over_smtp_and_the_delivery_recorded() throws Exception {
        String email = "c" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String id = accounts.create("邮件客户", email, null, null);
        UUID request = close(id);

        dispatcher.dispatchDue();

        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = null;
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (GreenMailUtil.getAddressList(m.getAllRecipients()).contains(email)) {
                received = m;
            }
        }
        assertThat(received).isNotNull();
        assertThat(received.getSubject()).isEqualTo("您的钱包账户已注销");
        long notification = jdbc.queryForObject("SELECT id FROM notification WHERE closure_request_id = ?", Long.class, request);
        assertThat(received.getMessageID()).isEqualTo("<notification-" + notification + "@closure-console>");
        assertThat(GreenMailUtil.getBody(received)).isNotBlank();
        Delivery delivery = deliveries.forRequests(java.util.List.of(request)).get(request);
        assertThat(delivery.status()).isEqualTo("SENT");
        assertThat(delivery.channel()).isEqualTo(Channel.EMAIL);
        assertThat(delivery.maskedRecipient()).startsWith("c***@");
        assertThat(delivery.sentAt()).isNotNull();
    }

    @Test
    void a_customer_who_reads_english_is_told_the_result_in_english() throws Exception {
        String email = "e" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String id = accounts.create("English Reader", email, null, null);
        jdbc.update("UPDATE account SET locale = 'en' WHERE id = ?", id);
        close(id);

        dispatcher.dispatchDue();

        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = null;
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (GreenMailUtil.getAddressList(m.getAllRecipients()).contains(email)) {
                received = m;
            }
        }
        assertThat(received).isNotNull();
        assertThat(received.getSubject()).isEqualTo("Your wallet account has been closed");
    }

    @Test
    void an_account_without_email_gets_an_sms_that_the_default_sender_records() {
        String id = accounts.closableWithoutEmail();
        String phone = jdbc.queryForObject("SELECT phone FROM account WHERE id = ?", String.class, id);
        UUID request = close(id);

        dispatcher.dispatchDue();

        assertThat(jdbc.queryForObject("SELECT body FROM sent_message WHERE channel = 'SMS' AND recipient = ?", String.class, phone))
                .contains("注销");
        assertThat(deliveries.forRequests(java.util.List.of(request)).get(request).status()).isEqualTo("SENT");
    }

    @Test
    void a_failed_send_is_retried_later_with_growing_pauses_then_given_up() {
        String id = accounts.closable();
        UUID request = close(id);
        jdbc.update("UPDATE notification SET recipient = 'not an address' WHERE closure_request_id = ?", request);

        dispatcher.dispatchDue();

        var row = jdbc.queryForMap("SELECT status, attempts, last_error, next_attempt_at > now() + interval '20 seconds' AS later"
                + " FROM notification WHERE closure_request_id = ?", request);
        assertThat(row.get("status")).isEqualTo("QUEUED");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat((String) row.get("last_error")).isNotBlank();
        assertThat(row.get("later")).isEqualTo(true);

        jdbc.update("UPDATE notification SET attempts = 4 WHERE closure_request_id = ?", request);
        dueFirst(request);
        dispatcher.dispatchDue();
        assertThat(jdbc.queryForObject("SELECT status FROM notification WHERE closure_request_id = ?", String.class, request))
                .isEqualTo("FAILED");
    }

    @Test
    void the_pause_doubles_with_each_attempt() {
        Duration first = Duration.ofSeconds(30);
        assertThat(NotificationDispatcher.backoff(first, 1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(NotificationDispatcher.backoff(first, 2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(NotificationDispatcher.backoff(first, 4)).isEqualTo(Duration.ofSeconds(240));
    }
}
