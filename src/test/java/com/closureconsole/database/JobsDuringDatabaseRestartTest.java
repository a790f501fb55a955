package com.closureconsole.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.closureconsole.closure.ClosureJobs;
import com.closureconsole.closure.ClosureState;
import com.closureconsole.closure.ClosureSubmission;
import com.closureconsole.closure.FlowSteps;
import com.closureconsole.closure.SubmissionResult;
import com.closureconsole.closure.WalkedFlow;
import com.closureconsole.notification.FakeSmtpServer;
import com.closureconsole.notification.NotificationJobs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The database restarts while the jobs work: while the dispatcher is handing a message to a slow
 * mail server, and while a completion waits for a lock. Afterwards no customer is told twice,
 * nothing is half done, and the job carries on at its next pass.
 */
class JobsDuringDatabaseRestartTest {

    private static ExternalPostgres server;
    private static FakeSmtpServer mail;
    private static ConsoleNode console;
    private static int accounts;

    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void start() throws Exception {
        server = ExternalPostgres.start(17);
        server.createDatabase("closure", "closure", "owner-pw", true);
        mail = new FakeSmtpServer(Integer.MAX_VALUE);
        Map<String, Object> settings = ConsoleNode.readmeSettings(server, "closure", "closure", "owner-pw",
                "closure_app", "app-pw");
        settings.put("closure.policy.cooling-off", "1s");
        settings.put("closure.notification.lease", "20s");
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", String.valueOf(mail.port()));
        console = ConsoleNode.start(settings);
    }

    @AfterAll
    static void stop() throws Exception {
        console.close();
        mail.close();
        server.close();
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /** A closable account, submitted for closure and past its cooling-off; answers its id. */
    private static String dueForCompletion() throws InterruptedException {
        JdbcTemplate jdbc = console.jdbc();
        String id = String.format("2088%012d", 700_000_000L + ++accounts);
        jdbc.update("""
                INSERT INTO account (id, name, phone, email, status, identity_type, registered_at, activated_at)
                VALUES (?, '重启测试', ?, ?, 'ACTIVE', 'REAL_NAME_CERTIFIED', now() - interval '1 year', now() - interval '1 year')""",
                id, String.format("+86137%08d", accounts), "restart" + accounts + "@example.com");
        jdbc.update("INSERT INTO wallet (account_id) VALUES (?)", id);
        SecurityContextHolderStrategy security = console.bean(SecurityContextHolderStrategy.class);
        security.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("agent1", null,
                AuthorityUtils.createAuthorityList("ROLE_AGENT")));
        try {
            FlowSteps flowSteps = console.bean(FlowSteps.class);
            ClosureSubmission submissions = console.bean(ClosureSubmission.class);
            var submitted = (SubmissionResult.Submitted) submissions.submit(WalkedFlow.walked(flowSteps, id));
            assertThat(submitted.request().state()).isEqualTo(ClosureState.COOLING_OFF);
        } finally {
            security.clearContext();
        }
        Thread.sleep(1100);
        return id;
    }

    private static int count(String sql, Object... args) {
        return console.jdbc().queryForObject(sql, Integer.class, args);
    }

    @Test
    void a_restart_while_a_message_is_being_sent_sends_it_once_and_records_it_once() throws Exception {
        String id = dueForCompletion();
        assertThat(ClosureJobs.of(console.context).completeDue()).isGreaterThanOrEqualTo(1);
        long notification = console.jdbc().queryForObject("SELECT id FROM notification WHERE account_id = ?", Long.class, id);

        mail.holdMessages();
        Future<Integer> pass = pool.submit(() -> NotificationJobs.of(console.context).dispatchDue());
        assertThat(mail.awaitHeldMessage(10)).as("the dispatcher is handing a message over").isTrue();
        server.stop();
        // The mail server acknowledges while the database is down: the result waits to be recorded.
        mail.releaseMessages();
        Thread.sleep(1500);
        server.start();
        assertThat(pass.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(1);

        assertThat(console.jdbc().queryForMap("SELECT status, attempts FROM notification WHERE id = ?", notification))
                .containsEntry("status", "SENT").containsEntry("attempts", 1);
        assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'NOTIFICATION_DELIVERY' AND account_id = ?", id))
                .isEqualTo(1);
        // Even after the lease would have run out, the next pass has nothing to send again.
        console.jdbc().update("UPDATE notification SET lease_until = now() - interval '1 second' WHERE id = ?", notification);
        NotificationJobs.of(console.context).dispatchDue();
        List<String> ids = mail.messageIds();
        assertThat(ids).filteredOn(("<notification-" + notification + "@closure-console>")::equals).hasSize(1);
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(count("SELECT count(*) FROM notification WHERE status <> 'SENT'")).isZero();
    }

    @Test
    void a_restart_while_a_completion_waits_for_a_lock_leaves_nothing_half_done_and_the_next_pass_completes_it()
            throws Exception {
        String id = dueForCompletion();
        ClosureJobs job = ClosureJobs.of(console.context);
        try (Connection blocker = server.connect("closure", "postgres", server.superuserPassword)) {
            // Another transaction holds the account, so the completion waits inside its own transaction.
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("SELECT 1 FROM account WHERE id = '" + id + "' FOR UPDATE");
            }
            Future<Integer> pass = pool.submit(job::completeDue);
            com.closureconsole.DatabaseActivity.awaitAnyLockWait(console.jdbc(), java.time.Duration.ofSeconds(5));

            server.stop();
            assertThat(pass.get(30, TimeUnit.SECONDS)).as("the pass ends; nothing finished").isZero();
        }
        Thread.sleep(1000);
        server.start();

        assertThat(console.jdbc().queryForMap("""
                SELECT r.state, r.completion_attempts, a.status FROM closure_request r JOIN account a ON a.id = r.account_id
                 WHERE r.account_id = ?""", id))
                .as("an outage is no failed attempt of the request")
                .containsEntry("state", "COOLING_OFF").containsEntry("completion_attempts", 0).containsEntry("status", "CLOSING");
        assertThat(count("SELECT count(*) FROM audit_entry WHERE action IN ('CLOSURE_COMPLETE', 'CLOSURE_FAIL') AND account_id = ?", id))
                .isZero();
        assertThat(count("SELECT count(*) FROM notification WHERE account_id = ?", id)).isZero();

        assertThat(job.completeDue()).isGreaterThanOrEqualTo(1);
        assertThat(console.jdbc().queryForMap("""
                SELECT r.state, a.status FROM closure_request r JOIN account a ON a.id = r.account_id WHERE r.account_id = ?""", id))
                .containsEntry("state", "COMPLETED").containsEntry("status", "CLOSED");
        assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'CLOSURE_COMPLETE' AND account_id = ?", id)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM notification WHERE account_id = ?", id)).isEqualTo(1);
    }
}
