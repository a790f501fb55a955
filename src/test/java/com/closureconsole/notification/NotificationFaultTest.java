package com.closureconsole.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.closureconsole.ConsoleTest;
import com.closureconsole.DatabaseActivity;
import com.closureconsole.TestAccounts;
import com.closureconsole.account.AccountSearch;
import com.closureconsole.closure.ClosureReason;
import com.closureconsole.closure.ClosureSubmission;
import com.closureconsole.closure.FlowSteps;
import com.closureconsole.closure.WalkedFlow;
import com.closureconsole.closure.VerificationMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail servers that hang or stop answering, and a node that dies between sending and recording:
 * nobody waits for them, no message goes out twice under two ids, and none is lost.
 * Each test puts its own notifications first in the queue, ahead of what other tests left.
 */
@ConsoleTest
@WithMockUser(username = "agent1", roles = "AGENT")
class NotificationFaultTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    @Autowired
    NotificationDispatcher dispatcher;

    @Autowired
    NotificationLeases leases;

    @Autowired
    SentMessageLog sentMessages;

    @Autowired
    SmsSender sms;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Clock clock;

    @Autowired
    FlowSteps flowSteps;

    @Autowired
    ClosureSubmission submissions;

    @Autowired
    AccountSearch search;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JavaMailSenderImpl configuredMail;

    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** A console node whose mail goes to {@code mail}. */
    private NotificationDispatcher nodeWith(JavaMailSender mail) {
        var provider = new StaticListableBeanFactory(Map.of("mail", mail)).getBeanProvider(JavaMailSender.class);
        EmailSender email = new EmailSender(provider, sentMessages, "no-reply@closure-console.example");
        return new NotificationDispatcher(leases, List.of(email, sms), transactions, events, clock, 5,
                Duration.ofSeconds(30), Duration.ofMinutes(1));
    }

    private UUID close(String accountId) {
        UUID flow = UUID.randomUUID();
        submissions.submit(WalkedFlow.walked(flowSteps, accountId, flow,
                VerificationMethod.REAL_NAME_ID_AND_SMS, ClosureReason.NO_LONGER_USED, null));
        return flow;
    }

    /** Closes a fresh account with an email and puts its notification {@code place}th in the queue. */
    private long queuedFirst(int place) {
        String email = "f" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        UUID request = close(accounts.create("故障客户", email, null, null));
        long id = jdbc.queryForObject("SELECT id FROM notification WHERE closure_request_id = ?", Long.class, request);
        dueFirst(id, place);
        return id;
    }

    private void dueFirst(long notification, int place) {
        jdbc.update("UPDATE notification SET next_attempt_at = now() - interval '100 days' + ? * interval '1 minute' WHERE id = ?",
                place, notification);
    }

    private Map<String, Object> row(long notification) {
        return jdbc.queryForMap("""
                SELECT status, attempts, last_error, lease_owner, next_attempt_at > now() + interval '20 seconds' AS later
                  FROM notification WHERE id = ?""", notification);
    }

    private static String messageId(long notification) {
        return "<notification-" + notification + "@closure-console>";
    }

    @Test
    void while_the_mail_server_hangs_no_lock_is_held_and_searches_closures_and_other_nodes_go_on() throws Exception {
        long stuck = queuedFirst(0);
        long other;
        try (FakeSmtpServer hung = new FakeSmtpServer(0)) {
            Future<Integer> pass = pool.submit(nodeWith(hung.sender(4000))::dispatchDue);
            assertThat(hung.awaitHungClient(5)).isTrue();

            assertThat(DatabaseActivity.idleInTransaction(jdbc)).isEmpty();
            assertThat(DatabaseActivity.advisoryLocksHeld(jdbc)).isZero();
            assertThat(DatabaseActivity.locksOn(jdbc, "notification")).isZero();

            long started = System.nanoTime();
            search.start(search.parse("13800138001"));
            other = queuedFirst(1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("an audited search and a closure").isLessThan(PROMPTLY);

            // Another node, whose mail server works, delivers meanwhile and leaves the leased message alone.
            dispatcher.dispatchDue();
            assertThat(row(other)).containsEntry("status", "SENT");
            assertThat(row(stuck)).containsEntry("status", "QUEUED").containsEntry("attempts", 1);
            assertThat(row(stuck).get("lease_owner")).isNotNull();
            assertThat(pass.isDone()).as("all this happened while the server hung").isFalse();

            assertThat(pass.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        Map<String, Object> after = row(stuck);
        assertThat(after).containsEntry("status", "QUEUED").containsEntry("attempts", 1).containsEntry("later", true);
        assertThat(after.get("lease_owner")).isNull();
        assertThat((String) after.get("last_error")).contains("Timeout").doesNotContain("@");
    }

    @Test
    void a_mail_server_that_stops_answering_after_the_first_message_gets_each_message_once() throws Exception {
        long first = queuedFirst(0);
        long second = queuedFirst(1);
        long third = queuedFirst(2);
        try (FakeSmtpServer server = new FakeSmtpServer(1)) {
            NotificationDispatcher node = nodeWith(server.sender(2000));
            var agent = SecurityContextHolder.getContext().getAuthentication();
            Future<Integer> pass = pool.submit(node::dispatchDue);
            assertThat(server.awaitHungClient(5)).as("hung on the second message").isTrue();

            assertThat(DatabaseActivity.advisoryLocksHeld(jdbc)).as("the first delivery's audit holds no chain lock").isZero();
            assertThat(DatabaseActivity.idleInTransaction(jdbc)).isEmpty();
            long started = System.nanoTime();
            SecurityContextHolder.getContext().setAuthentication(agent);
            String closedMeanwhile = accounts.closable();
            close(closedMeanwhile);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMPTLY);
            assertThat(jdbc.queryForObject("SELECT status FROM account WHERE id = ?", String.class, closedMeanwhile))
                    .isEqualTo("CLOSED");

            assertThat(pass.get(10, TimeUnit.SECONDS)).as("the failing channel is not tried again in this pass").isEqualTo(2);
            assertThat(row(first)).containsEntry("status", "SENT").containsEntry("attempts", 1);
            assertThat(row(second)).containsEntry("status", "QUEUED").containsEntry("attempts", 1).containsEntry("later", true);
            assertThat(row(third)).containsEntry("status", "QUEUED").containsEntry("attempts", 0);
            assertThat(server.messageIds()).containsExactly(messageId(first));

            server.recover();
            dueFirst(second, 1);
            node.dispatchDue();
            assertThat(row(second)).containsEntry("status", "SENT").containsEntry("attempts", 2);
            assertThat(row(third)).containsEntry("status", "SENT").containsEntry("attempts", 1);
            assertThat(server.messageIds()).filteredOn(Set.of(messageId(first), messageId(second), messageId(third))::contains)
                    .containsExactly(messageId(first), messageId(second), messageId(third));
        }
    }

    @Test
    void a_message_sent_again_after_a_node_died_has_the_same_id_and_the_dead_node_overwrites_nothing() throws Exception {
        UUID request = close(accounts.closableWithoutEmail());
        long id = jdbc.queryForObject("SELECT id FROM notification WHERE closure_request_id = ?", Long.class, request);
        dueFirst(id, 0);

        NotificationLeases.Claimed claimed = leases.claim("dead-node/1", Set.of(), clock.instant(), Duration.ofMinutes(1))
                .orElseThrow();
        assertThat(claimed.id()).isEqualTo(id);
        sms.send(NotificationDispatcher.message(claimed));
        // The node dies before recording; its lease runs out and another node takes the message over.
        jdbc.update("UPDATE notification SET lease_until = now() - interval '1 second' WHERE id = ?", id);
        dispatcher.dispatchDue();

        assertThat(row(id)).containsEntry("status", "SENT").containsEntry("attempts", 2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sent_message WHERE idempotency_key = ?", Integer.class,
                "notification-" + id)).as("the gateway recognised the repeat").isEqualTo(1);
        Boolean lateSent = transactions.execute(s -> leases.sent(claimed, clock.instant()));
        Optional<String> lateFailure = transactions.execute(s -> leases.failed(claimed, "LATE", clock.instant(), 5));
        assertThat(lateSent).isFalse();
        assertThat(lateFailure).isEmpty();
        assertThat(row(id)).containsEntry("status", "SENT").containsEntry("last_error", null);
    }

    @Test
    void the_console_gives_up_on_a_silent_mail_server_after_five_seconds_by_default() {
        assertThat(configuredMail.getJavaMailProperties())
                .containsEntry("mail.smtp.connectiontimeout", "5000")
                .containsEntry("mail.smtp.timeout", "5000")
                .containsEntry("mail.smtp.writetimeout", "5000")
                .containsEntry("mail.smtps.timeout", "5000");
    }
}
