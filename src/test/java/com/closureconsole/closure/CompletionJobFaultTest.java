package com.closureconsole.closure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.closureconsole.ConsoleTest;
import com.closureconsole.TestAccounts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Requests in the completion queue whose completion the database refuses. The refusal is real:
 * a trigger, installed by the cluster's superuser, that fails the closing write of one account.
 */
@ConsoleTest
@WithMockUser(username = "agent1", roles = "AGENT")
class CompletionJobFaultTest {

    private static final Duration FIRST_RETRY = Duration.ofHours(1);

    @Autowired
    FlowSteps flowSteps;

    @Autowired
    ClosureSubmission submissions;

    @Autowired
    ClosureCompletion completion;

    @Autowired
    ClosurePolicy policy;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    EmbeddedPostgres postgres;

    private JdbcTemplate superuser;
    private ClosureCompletionJob job;

    @BeforeEach
    void setUp() {
        superuser = new JdbcTemplate(postgres.getPostgresDatabase());
        job = new ClosureCompletionJob(jdbc, completion, clock, 3, FIRST_RETRY);
        policy.setCoolingOff(Duration.ofMillis(50));
    }

    @AfterEach
    void tearDown() {
        policy.setCoolingOff(Duration.ZERO);
        superuser.execute("DROP TRIGGER IF EXISTS test_refuse_closing ON account");
        superuser.execute("DROP FUNCTION IF EXISTS test_refuse_closing()");
        superuser.execute("DROP SEQUENCE IF EXISTS test_refusals");
    }

    /** The database refuses to close {@code accountId}: always, or only the first {@code times} times with {@code sqlState}. */
    private void refuseClosing(String accountId, String sqlState, int times) {
        superuser.execute("CREATE SEQUENCE test_refusals");
        superuser.execute("""
                CREATE FUNCTION test_refuse_closing() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
                BEGIN
                    IF nextval('test_refusals') <= %d THEN
                        RAISE EXCEPTION 'closing %% refused by the test', NEW.id USING ERRCODE = '%s';
                    END IF;
                    RETURN NEW;
                END $$""".formatted(times, sqlState));
        superuser.execute("""
                CREATE TRIGGER test_refuse_closing BEFORE UPDATE OF status ON account FOR EACH ROW
                WHEN (NEW.id = '%s' AND NEW.status = 'CLOSED') EXECUTE FUNCTION test_refuse_closing()"""
                .formatted(accountId));
    }

    private UUID coolingOff(String accountId) {
        var submitted = (SubmissionResult.Submitted) submissions.submit(WalkedFlow.walked(flowSteps, accountId));
        assertThat(submitted.request().state()).isEqualTo(ClosureState.COOLING_OFF);
        return submitted.request().id();
    }

    private Map<String, Object> row(UUID request) {
        return jdbc.queryForMap("""
                SELECT r.state, r.failure_reason, r.completion_attempts, r.last_error, a.status AS account,
                       round(extract(epoch FROM r.next_attempt_at - now()) / 60) AS minutes_to_next
                  FROM closure_request r JOIN account a ON a.id = r.account_id WHERE r.id = ?""", request);
    }

    private void timePassesFor(UUID request) {
        jdbc.update("UPDATE closure_request SET next_attempt_at = now() WHERE id = ?", request);
    }

    @Test
    void a_poisoned_request_holds_back_no_other_backs_off_and_ends_failed_with_its_reason() throws Exception {
        String first = accounts.closable();
        String poisoned = accounts.closable();
        String last = accounts.closable();
        UUID firstRequest = coolingOff(first);
        UUID poisonedRequest = coolingOff(poisoned);
        UUID lastRequest = coolingOff(last);
        refuseClosing(poisoned, "P0001", Integer.MAX_VALUE);
        Thread.sleep(100);

        assertThat(job.completeDue()).isGreaterThanOrEqualTo(2);
        assertThat(row(firstRequest)).containsEntry("state", "COMPLETED").containsEntry("account", "CLOSED");
        assertThat(row(lastRequest)).containsEntry("state", "COMPLETED").containsEntry("account", "CLOSED");
        Map<String, Object> once = row(poisonedRequest);
        assertThat(once).containsEntry("state", "COOLING_OFF").containsEntry("completion_attempts", 1)
                .containsEntry("account", "CLOSING");
        assertThat((String) once.get("last_error")).contains("P0001").doesNotContain(poisoned);
        assertThat(((Number) once.get("minutes_to_next")).intValue()).isEqualTo(60);

        job.completeDue();
        assertThat(row(poisonedRequest)).as("not tried again before its pause ends").containsEntry("completion_attempts", 1);

        timePassesFor(poisonedRequest);
        job.completeDue();
        Map<String, Object> twice = row(poisonedRequest);
        assertThat(twice).containsEntry("state", "COOLING_OFF").containsEntry("completion_attempts", 2);
        assertThat(((Number) twice.get("minutes_to_next")).intValue()).as("the pause doubles").isEqualTo(120);

        timePassesFor(poisonedRequest);
        job.completeDue();
        assertThat(row(poisonedRequest)).containsEntry("state", "FAILED").containsEntry("failure_reason", "COMPLETION_ERROR")
                .containsEntry("completion_attempts", 3).containsEntry("account", "ACTIVE");
        assertThat(jdbc.queryForList("SELECT action || ':' || outcome FROM audit_entry WHERE correlation_id = ? ORDER BY id",
                String.class, poisonedRequest)).endsWith("CLOSURE_COMPLETE:FAILURE", "CLOSURE_COMPLETE:FAILURE",
                "CLOSURE_COMPLETE:FAILURE", "CLOSURE_FAIL:FAILURE", "NOTIFICATION_QUEUED:SUCCESS");
        assertThat(jdbc.queryForObject("SELECT template FROM notification WHERE closure_request_id = ?", String.class,
                poisonedRequest)).isEqualTo("CLOSURE_FAILED");
    }

    @Test
    void a_deadlock_while_completing_is_tried_again_at_once_and_not_counted_as_an_attempt() throws Exception {
        String id = accounts.closable();
        UUID request = coolingOff(id);
        refuseClosing(id, "40P01", 1);
        Thread.sleep(100);

        job.completeDue();

        assertThat(row(request)).containsEntry("state", "COMPLETED").containsEntry("account", "CLOSED")
                .containsEntry("completion_attempts", 0);
        assertThat(superuser.queryForObject("SELECT last_value FROM test_refusals", Long.class)).isEqualTo(2L);
    }

    @Test
    void a_serialisation_failure_while_completing_is_tried_again_at_once() throws Exception {
        String id = accounts.closable();
        UUID request = coolingOff(id);
        refuseClosing(id, "40001", 2);
        Thread.sleep(100);

        job.completeDue();

        assertThat(row(request)).containsEntry("state", "COMPLETED").containsEntry("completion_attempts", 0);
    }
}
