package com.closureconsole.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.closureconsole.FormSignIn;
import com.closureconsole.account.AccountSearch;
import com.closureconsole.closure.ClosureReason;
import com.closureconsole.closure.ClosureSubmission;
import com.closureconsole.closure.FlowSteps;
import com.closureconsole.closure.WalkedFlow;
import com.closureconsole.closure.VerificationMethod;
import com.closureconsole.ui.error.DatabaseFailureProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The database restarts under a running console: what was in flight happened completely or not at
 * all, the user is told in words that nothing was saved, and once the database is back the console
 * serves again without a restart of its own.
 */
class DatabaseOutageTest {

    private static ExternalPostgres server;
    private static ConsoleNode console;

    @BeforeAll
    static void start() throws Exception {
        server = ExternalPostgres.start(17);
        Map<String, Object> settings = ConsoleNode.freshReadmeDatabase(server);
        settings.put("closure.demo-data", "true");
        settings.put("closure.safety.allow-demo-passwords", "true");
        settings.put("closure.database.lock-timeout", "30s");
        console = ConsoleNode.start(settings);
    }

    @AfterAll
    static void stop() throws Exception {
        SecurityContextHolder.clearContext();
        console.close();
        server.close();
    }

    @Test
    void while_the_database_is_down_users_are_told_nothing_was_saved_and_afterwards_it_serves_again() throws Exception {
        signInAs("agent1", "AGENT");
        AccountSearch search = console.bean(AccountSearch.class);
        assertThat(search.start(search.parse("13800138001"))).contains("2088000000000001");

        server.stop();
        long started = System.nanoTime();
        Throwable failure = catchThrowable(() -> search.start(search.parse("13800138001")));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failure).isNotNull();
        assertThat(waited).as("no spinner past the connection time-out").isLessThan(Duration.ofSeconds(10));
        assertThat(DatabaseFailureProbe.messageKey(failure)).isEqualTo("error.database.unavailable");
        assertThat(DatabaseFailureProbe.message(failure, "zh_CN")).contains("数据库暂时没有响应").contains("未保存");
        assertThat(DatabaseFailureProbe.message(failure, "en")).contains("nothing was saved");
        String signIn = FormSignIn.signIn(port(), "agent1", "demo123");
        assertThat(signIn).as("sign-in while the database is down ends on the sign-in page").startsWith("/login?error");

        server.start();
        assertThat(search.start(search.parse("13800138001"))).contains("2088000000000001");
        assertThat(FormSignIn.signIn(port(), "agent1", "demo123")).doesNotContain("error");
    }

    @Test
    void a_closure_in_flight_when_the_database_stops_leaves_nothing_behind() throws Exception {
        String account = "2088000000000015";
        UUID flow = UUID.randomUUID();
        JdbcTemplate jdbc = console.jdbc();
        SecurityContext agent = signInAs("agent2", "AGENT");
        try (Connection blocker = server.connect("closure", "postgres", server.superuserPassword)) {
            // Another transaction holds the account, so the submission waits inside its own transaction.
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("SELECT 1 FROM account WHERE id = '" + account + "' FOR UPDATE");
            }
            CompletableFuture<Object> submission = CompletableFuture.supplyAsync(() -> {
                SecurityContextHolder.setContext(agent);
                FlowSteps flowSteps = console.bean(FlowSteps.class);
                ClosureSubmission submissions = console.bean(ClosureSubmission.class);
                return submissions.submit(WalkedFlow.walked(flowSteps, account, flow, VerificationMethod.REAL_NAME_ID_AND_SMS,
                        ClosureReason.NO_LONGER_USED, null));
            });
            com.closureconsole.DatabaseActivity.awaitAnyLockWait(jdbc, java.time.Duration.ofSeconds(5));

            server.stop();
            Throwable failure = catchThrowable(() -> submission.get(30, TimeUnit.SECONDS));
            assertThat(DatabaseFailureProbe.messageKey(failure)).isEqualTo("error.database.unavailable");
        }
        // A restart takes its time; the pool checks a connection idle for longer than half a second before lending it.
        Thread.sleep(1000);
        server.start();

        assertThat(jdbc.queryForObject("SELECT status FROM account WHERE id = ?", String.class, account)).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM closure_request WHERE account_id = ?", Integer.class, account)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification WHERE account_id = ?", Integer.class, account)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE correlation_id = ? AND action LIKE 'CLOSURE_SUBMI%'",
                Integer.class, flow)).isZero();
    }

    private static int port() {
        return ((WebServerApplicationContext) console.context).getWebServer().getPort();
    }

    private static SecurityContext signInAs(String user, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user, null, AuthorityUtils.createAuthorityList("ROLE_" + role)));
        return SecurityContextHolder.getContext();
    }
}
