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
 * decision, moving its status from the one the closure expects (compare-and-set), and unbinding a
 * linked Taobao account. Each call joins the caller's transaction.
 */
@Component
public class AccountLifecycle {

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

    /**
     * Compare-and-set: moves the account from {@code expected} to {@code target}, and only from
     * there. When it finds another status (risk control froze the account meanwhile, or it was
     * closed elsewhere) it changes nothing and answers what it found. Callers lock the account
     * first ({@link #lock}), so the answer stays true until their transaction ends.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public StatusChange move(String accountId, AccountStatus expected, AccountStatus target, Instant at) {
        Map<String, Object> params = Map.of("id", accountId, "expected", expected.name(), "target", target.name(),
                "at", java.sql.Timestamp.from(at));
        int updated = jdbc.update("""
                UPDATE account SET status = :target,
                       closed_at = CASE WHEN :target = 'CLOSED' THEN CAST(:at AS timestamptz) ELSE NULL END
                 WHERE id = :id AND status = :expected""", params);
        if (updated == 1) {
            return new StatusChange(accountId, expected, target, expected);
        }
        AccountStatus found = lock(accountId).orElseThrow(() -> new IllegalStateException("account " + accountId + " not found"));
        return new StatusChange(accountId, expected, target, found);
    }

    /**
     * What a compare-and-set status change found: {@code found} is the status before the change,
     * so the account moved exactly when it is the expected one.
     */
    public record StatusChange(String accountId, AccountStatus expected, AccountStatus target, AccountStatus found) {
        public boolean moved() {
            return found == expected;
        }
    }

    /** The linked Taobao account did not meet its own conditions: the link is removed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void unbindTaobao(String accountId) {
        jdbc.update("UPDATE account SET taobao_id = NULL, taobao_closable = NULL WHERE id = :id", Map.of("id", accountId));
    }
}
