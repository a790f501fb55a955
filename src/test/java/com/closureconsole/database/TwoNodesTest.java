package com.closureconsole.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.closureconsole.closure.ClosureJobs;
import com.closureconsole.closure.ClosureReason;
import com.closureconsole.closure.ClosureSubmission;
import com.closureconsole.closure.FlowSteps;
import com.closureconsole.closure.SubmissionResult;
import com.closureconsole.closure.WalkedFlow;
import com.closureconsole.closure.VerificationMethod;
import com.closureconsole.notification.NotificationJobs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Two console nodes on one database, as behind a load balancer: both completion jobs and both
 * dispatchers run at once, over and over, and still no closure is completed twice and no customer
 * is told twice.
 */
class TwoNodesTest {

    private static final int CLOSURES = 30;

    private static ExternalPostgres server;
    private static ConsoleNode first;
    private static ConsoleNode second;

    @BeforeAll
    static void start() throws Exception {
        server = ExternalPostgres.start(17);
        Map<String, Object> settings = ConsoleNode.freshReadmeDatabase(server);
        settings.put("closure.policy.cooling-off", "1s");
        first = ConsoleNode.start(settings);
        second = ConsoleNode.start(settings);
    }

    @AfterAll
    static void stop() throws Exception {
        // In the reverse order of their start: each gives back what was there before it.
        second.close();
        first.close();
        server.close();
    }

    @Test
    void no_closure_is_completed_twice_and_no_customer_is_told_twice() throws Exception {
        JdbcTemplate jdbc = first.jdbc();
        List<String> accounts = new ArrayList<>();
        // Each node holds the signed-in user in a strategy of its own.
        for (ConsoleNode node : List.of(first, second)) {
            node.bean(SecurityContextHolderStrategy.class).getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated("agent1", null, AuthorityUtils.createAuthorityList("ROLE_AGENT")));
        }
        try {
            for (int i = 0; i < CLOSURES; i++) {
                String id = String.format("2088%012d", 900_000_000L + i);
                jdbc.update("""
                        INSERT INTO account (id, name, phone, email, status, identity_type, registered_at, activated_at)
                        VALUES (?, '节点测试', ?, ?, 'ACTIVE', 'REAL_NAME_CERTIFIED', now() - interval '1 year', now() - interval '1 year')""",
                        id, String.format("+86139%08d", i), "node" + i + "@example.com");
                jdbc.update("INSERT INTO wallet (account_id) VALUES (?)", id);
                UUID flow = UUID.randomUUID();
                FlowSteps flowSteps = (i % 2 == 0 ? first : second).bean(FlowSteps.class);
                ClosureSubmission submissions = (i % 2 == 0 ? first : second).bean(ClosureSubmission.class);
                assertThat(submissions.submit(WalkedFlow.walked(flowSteps, id, flow, VerificationMethod.REAL_NAME_ID_AND_SMS,
                        ClosureReason.NO_LONGER_USED, null)))
                        .isInstanceOf(SubmissionResult.Submitted.class);
                accounts.add(id);
            }
        } finally {
            first.bean(SecurityContextHolderStrategy.class).clearContext();
            second.bean(SecurityContextHolderStrategy.class).clearContext();
        }
        Thread.sleep(1200);

        ExecutorService nodes = Executors.newFixedThreadPool(4);
        List<Future<Integer>> completed = new ArrayList<>();
        for (ConsoleNode node : List.of(first, second, first, second)) {
            completed.add(nodes.submit(untilNothingLeft(() -> ClosureJobs.of(node.context).completeDue())));
        }
        int completions = 0;
        for (Future<Integer> result : completed) {
            completions += result.get(60, TimeUnit.SECONDS);
        }
        List<Future<Integer>> dispatched = new ArrayList<>();
        for (ConsoleNode node : List.of(first, second, first, second)) {
            dispatched.add(nodes.submit(untilNothingLeft(() -> NotificationJobs.of(node.context).dispatchDue())));
        }
        for (Future<Integer> result : dispatched) {
            result.get(60, TimeUnit.SECONDS);
        }
        nodes.shutdown();

        assertThat(completions).as("completions counted by the nodes together").isEqualTo(CLOSURES);
        String inList = "('" + String.join("','", accounts) + "')";
        assertThat(jdbc.queryForObject("SELECT count(*) FROM closure_request WHERE state = 'COMPLETED' AND account_id IN "
                + inList, Integer.class)).isEqualTo(CLOSURES);
        assertThat(jdbc.queryForList("SELECT count(*) FROM audit_entry WHERE action = 'CLOSURE_COMPLETE' AND account_id IN "
                + inList + " GROUP BY account_id", Integer.class)).hasSize(CLOSURES).containsOnly(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account WHERE status = 'CLOSED' AND id IN " + inList, Integer.class))
                .isEqualTo(CLOSURES);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification WHERE status = 'SENT' AND account_id IN " + inList,
                Integer.class)).isEqualTo(CLOSURES);
        assertThat(jdbc.queryForList("SELECT count(*) FROM sent_message WHERE recipient LIKE 'node%@example.com' GROUP BY recipient",
                Integer.class)).as("one message per customer").hasSize(CLOSURES).containsOnly(1);
    }

    /** Runs a job pass again and again until a pass finds nothing; answers what its passes handled. */
    private static Callable<Integer> untilNothingLeft(Callable<Integer> pass) {
        return () -> {
            int total = 0;
            int empty = 0;
            while (empty < 3) {
                int handled = pass.call();
                total += handled;
                empty = handled == 0 ? empty + 1 : 0;
            }
            return total;
        };
    }
}
