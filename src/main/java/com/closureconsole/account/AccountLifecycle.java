package com.closureconsole.account;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account changes a closure makes: locking the account row for the length of a closure
 * decision, moving its status, and unbinding a linked Taobao account. Each call joins the
 * caller's transaction.
 */
@Component
public class AccountLifecycle {

    /** Where to reach the customer: the email when there is one, else the phone (E.164). */
    public record Contact(String email, String phone) {
        public boolean hasEmail() {
            return email != null && !email.isBlank();
        }
    }

    private final NamedParameterJdbcTemplate jdbc;

    AccountLifecycle(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the account row until the transaction ends; empty when there is no such account. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<AccountStatus> lock(String accountId) {
        List<String> status = jdbc.queryForList("SELECT status FROM account WHERE id = :id FOR UPDATE",
                Map.of("id", accountId), String.class);
        return status.stream().findFirst().map(AccountStatus::valueOf);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void moveTo(String accountId, AccountStatus status, Instant at) {
        int updated = jdbc.update("""
                UPDATE account SET status = :status,
                       closed_at = CASE WHEN :status = 'CLOSED' THEN CAST(:at AS timestamptz) ELSE NULL END
                 WHERE id = :id""",
                Map.of("id", accountId, "status", status.name(), "at", java.sql.Timestamp.from(at)));
        if (updated != 1) {
            throw new IllegalStateException("account " + accountId + " not found");
        }
    }

    /** The linked Taobao account did not meet its own conditions: the link is removed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void unbindTaobao(String accountId) {
        jdbc.update("UPDATE account SET taobao_id = NULL, taobao_closable = NULL WHERE id = :id", Map.of("id", accountId));
    }

    /** The contact details a customer notification goes to (not masked: for sending only). */
    @Transactional(readOnly = true)
    public Optional<Contact> contact(String accountId) {
        return jdbc.query("SELECT email, phone FROM account WHERE id = :id", Map.of("id", accountId),
                (rs, i) -> new Contact(rs.getString("email"), rs.getString("phone"))).stream().findFirst();
    }
}
