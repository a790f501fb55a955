package com.closureconsole.closure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.closureconsole.ConsoleTest;
import com.closureconsole.DatabaseActivity;
import com.closureconsole.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Two agents confirm the closure of the same account at the same moment: both submissions wait on
 * the account row, one wins, and the other is told which closure won, whose it is and when it was
 * made, rather than only that something changed since the check.
 */
@ConsoleTest
class RaceLoserTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    FlowSteps flowSteps;

    @Autowired
    ClosureSubmission submissions;

    @Autowired
    ClosurePolicy policy;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void defaults() {
        pool.shutdownNow();
        policy.setApprovalRequired(false);
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_loser_of_two_simultaneous_confirmations_is_told_who_closed_the_account_and_when() throws Exception {
        String id = accounts.closable();
        Race race = race(id);

        assertThat(race.winner().request().state()).isEqualTo(ClosureState.COMPLETED);
        assertThat(race.loser().reason()).isEqualTo(SubmissionResult.Refusal.NOT_ELIGIBLE);
        ClosureRequestView competing = race.loser().competing();
        assertThat(competing).isNotNull();
        assertThat(competing.id()).isEqualTo(race.winner().request().id());
        assertThat(competing.initiatedBy()).isEqualTo(race.winnerName()).isNotEqualTo(race.loserName());
        assertThat(competing.state()).isEqualTo(ClosureState.COMPLETED);
        assertThat(competing.finishedAt()).isCloseTo(race.winner().request().finishedAt(), within(1, ChronoUnit.MILLIS));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM closure_request WHERE account_id = ?", Integer.class, id))
                .isEqualTo(1);
        // The loser's refusal is audited with the closure that won.
        Map<String, Object> refusal = jdbc.queryForMap("""
                SELECT outcome, details ->> 'refused' AS refused, details ->> 'competingInitiator' AS initiator,
                       details ->> 'competingRequestId' AS request
                  FROM audit_entry WHERE correlation_id = ? AND action = 'CLOSURE_SUBMIT'""", race.loserFlow());
        assertThat(refusal).containsEntry("outcome", "BLOCKED").containsEntry("refused", "NOT_ELIGIBLE")
                .containsEntry("initiator", race.winnerName())
                .containsEntry("request", race.winner().request().id().toString());
    }

    @Test
    void while_the_winning_closure_awaits_approval_the_loser_is_told_it_is_closing_and_since_when() throws Exception {
        policy.setApprovalRequired(true);
        String id = accounts.closable();
        Race race = race(id);

        ClosureRequestView competing = race.loser().competing();
        assertThat(race.loser().report().failedPreCheck()).isEqualTo(PreCheck.NOT_CLOSING);
        assertThat(competing.state()).isEqualTo(ClosureState.AWAITING_APPROVAL);
        assertThat(competing.initiatedBy()).isEqualTo(race.winnerName());
        assertThat(competing.submittedAt()).isCloseTo(race.winner().request().submittedAt(), within(1, ChronoUnit.MILLIS));
    }

    @Test
    void a_refusal_that_no_other_closure_caused_names_none() {
        // The demo's already closed account was closed outside the console: no closure request won anything.
        var refused = (SubmissionResult.Refused) as("agent1",
                () -> submissions.submit(WalkedFlow.walked(flowSteps, "2088000000000018")));
        assertThat(refused.report().failedPreCheck()).isEqualTo(PreCheck.NOT_CLOSED);
        assertThat(refused.competing()).isNull();
    }

    /** How the race ended: the winner's submission, the loser's refusal, and who was who. */
    private record Race(SubmissionResult.Submitted winner, SubmissionResult.Refused loser, String winnerName,
                        String loserName, java.util.UUID loserFlow) {
    }

    /** agent1 and agent2 walk their flows, then confirm at once while the account row is held; then it is let go. */
    private Race race(String accountId) throws Exception {
        SubmitClosure first = as("agent1", () -> WalkedFlow.walked(flowSteps, accountId));
        SubmitClosure second = as("agent2", () -> WalkedFlow.walked(flowSteps, accountId));
        Future<SubmissionResult> one;
        Future<SubmissionResult> two;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT 1 FROM account WHERE id = ? FOR UPDATE")) {
                lock.setString(1, accountId);
                lock.executeQuery().close();
            }
            one = pool.submit(() -> as("agent1", () -> submissions.submit(first)));
            two = pool.submit(() -> as("agent2", () -> submissions.submit(second)));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (DatabaseActivity.lockWaits(jdbc, "FROM account WHERE id").size() < 2) {
                assertThat(System.nanoTime()).as("both submissions wait on the account row").isLessThan(deadline);
                Thread.sleep(20);
            }
            holder.commit();
        }
        List<SubmissionResult> results = List.of(one.get(WAIT.toSeconds(), TimeUnit.SECONDS),
                two.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertThat(results).filteredOn(SubmissionResult.Submitted.class::isInstance).hasSize(1);
        boolean firstWon = results.get(0) instanceof SubmissionResult.Submitted;
        return new Race((SubmissionResult.Submitted) results.get(firstWon ? 0 : 1),
                (SubmissionResult.Refused) results.get(firstWon ? 1 : 0),
                firstWon ? "agent1" : "agent2", firstWon ? "agent2" : "agent1",
                firstWon ? second.flowId() : first.flowId());
    }

    private static <T> T as(String agent, Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(agent, null,
                List.of(new SimpleGrantedAuthority("ROLE_AGENT"))));
        return work.get();
    }
}
