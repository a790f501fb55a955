package com.closureconsole.closure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The server's record of each closure flow's steps ({@code closure_flow}): which verification
 * method was used and whether it passed, and which version of the "what the customer gives up"
 * text the customer accepted. A flow belongs to one account and one member of staff: a step
 * recorded for another account or by someone else under the same flow id changes nothing.
 */
@Component
class ClosureFlows {

    /** One flow's recorded steps. */
    record Flow(UUID id, String accountId, String startedBy, VerificationMethod verificationMethod,
                boolean verificationPassed, @Nullable String confirmationVersion) {
    }

    private final JdbcTemplate jdbc;

    ClosureFlows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the verification (the last one counts: a failure after a pass leaves the flow
     * unverified, and a new verification asks for a new confirmation); false when the flow id is
     * another account's or another agent's.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean verified(UUID flowId, String accountId, String staff, VerificationMethod method, boolean passed,
                            Instant at) {
        return jdbc.update("""
                INSERT INTO closure_flow (flow_id, account_id, started_by, started_at, verification_method,
                                          verification_passed, verified_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (flow_id) DO UPDATE
                   SET verification_method = excluded.verification_method,
                       verification_passed = excluded.verification_passed, verified_at = excluded.verified_at,
                       confirmation_version = NULL, confirmed_at = NULL
                 WHERE closure_flow.account_id = excluded.account_id AND closure_flow.started_by = excluded.started_by""",
                flowId, accountId, staff, Timestamp.from(at), method.name(), passed, Timestamp.from(at)) == 1;
    }

    /** Records the customer's acceptance; false unless the flow is this account's and agent's and passed verification. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean confirmed(UUID flowId, String accountId, String staff, String version, Instant at) {
        return jdbc.update("""
                UPDATE closure_flow SET confirmation_version = ?, confirmed_at = ?
                 WHERE flow_id = ? AND account_id = ? AND started_by = ? AND verification_passed""",
                version, Timestamp.from(at), flowId, accountId, staff) == 1;
    }

    /** The flow's steps as they are now, without a lock. */
    public Optional<Flow> find(UUID flowId) {
        return jdbc.query("""
                SELECT flow_id, account_id, started_by, verification_method, verification_passed, confirmation_version
                  FROM closure_flow WHERE flow_id = ?""", ClosureFlows::flow, flowId).stream().findFirst();
    }

    /** The flow's steps, locked against a concurrent step until the caller's transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Flow> lock(UUID flowId) {
        return jdbc.query("""
                SELECT flow_id, account_id, started_by, verification_method, verification_passed, confirmation_version
                  FROM closure_flow WHERE flow_id = ? FOR SHARE""",
                ClosureFlows::flow, flowId).stream().findFirst();
    }

    private static Flow flow(ResultSet rs, int row) throws SQLException {
        return new Flow(rs.getObject("flow_id", UUID.class), rs.getString("account_id"), rs.getString("started_by"),
                VerificationMethod.valueOf(rs.getString("verification_method")), rs.getBoolean("verification_passed"),
                rs.getString("confirmation_version"));
    }
}
