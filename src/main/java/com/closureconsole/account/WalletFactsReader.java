package com.closureconsole.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the {@link AccountFacts} of one or many accounts with nine statements in all, each served
 * by an index that holds only the rows that can block (pending transactions, active agreements …),
 * so an account with ten thousand transactions costs what one with none does.
 */
@Component
public class WalletFactsReader {

    /**
     * The rows a closure decision reads, locked {@code FOR SHARE} in the order wallet, then
     * transactions, then the other blocker tables: see {@link #readLocked}.
     */
    private static final List<String> LOCKS = List.of(
            "SELECT 1 FROM wallet WHERE account_id = :id FOR SHARE",
            "SELECT 1 FROM wallet_transaction WHERE account_id = :id AND status = 'PENDING' FOR SHARE",
            """
            SELECT 1 FROM wallet_transaction
             WHERE account_id = :id AND status = 'SUCCEEDED' AND kind IN ('WITHDRAWAL', 'TRANSFER_TO_CARD')
             ORDER BY completed_at DESC LIMIT 1 FOR SHARE""",
            "SELECT 1 FROM withholding_agreement WHERE account_id = :id AND status = 'ACTIVE' FOR SHARE",
            "SELECT 1 FROM special_arrangement WHERE account_id = :id FOR SHARE",
            "SELECT 1 FROM security_operation WHERE account_id = :id AND status = 'IN_PROGRESS' FOR SHARE",
            "SELECT 1 FROM trade_dispute WHERE account_id = :id AND status = 'OPEN' FOR SHARE",
            "SELECT 1 FROM account_restriction WHERE account_id = :id AND lifted_at IS NULL FOR SHARE",
            "SELECT 1 FROM merchant_contract WHERE account_id = :id FOR SHARE");

    private final NamedParameterJdbcTemplate jdbc;

    WalletFactsReader(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<AccountFacts> read(String accountId) {
        return Optional.ofNullable(readAll(List.of(accountId)).get(accountId));
    }

    /**
     * The facts of one account for a closure decision, which cannot change before the caller's
     * transaction ends. The caller holds the account row {@code FOR UPDATE} ({@link AccountLifecycle#lock});
     * this locks {@code FOR SHARE} the wallet row and every row the conditions read, then reads
     * them. A wallet writer changing one of them waits for the decision to commit; one that
     * commits first is seen. A new blocker row (a new agreement, a pending payment) waits too: its
     * foreign key takes a key-share lock on the account row, which the decision holds.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<AccountFacts> readLocked(String accountId) {
        Map<String, Object> id = Map.of("id", accountId);
        LOCKS.forEach(sql -> jdbc.query(sql, id, rs -> { }));
        return read(accountId);
    }

    /** The facts of every listed account that exists, in the order listed. */
    @Transactional(readOnly = true)
    public Map<String, AccountFacts> readAll(Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> ids = Map.of("ids", accountIds.toArray(String[]::new));
        var pending = group(ids, """
                SELECT account_id, id, kind, amount, currency, created_at FROM wallet_transaction
                 WHERE account_id = ANY(:ids) AND status = 'PENDING' ORDER BY created_at""",
                (rs, i) -> new AccountFacts.PendingTransaction(rs.getLong("id"), rs.getString("kind"),
                        money(rs, "amount", "currency"), instant(rs, "created_at")));
        // The latest cash-out of each account: one probe of the partial index per account (LIMIT 1),
        // where DISTINCT ON read and sorted all of an account's cash-outs (16,000 for a busy merchant).
        var cashOuts = group(ids, """
                SELECT t.account_id, t.id, t.kind, t.amount, t.currency, t.completed_at
                  FROM unnest(CAST(:ids AS varchar[])) AS a(id)
                 CROSS JOIN LATERAL (
                       SELECT account_id, id, kind, amount, currency, completed_at FROM wallet_transaction
                        WHERE account_id = a.id AND status = 'SUCCEEDED' AND kind IN ('WITHDRAWAL', 'TRANSFER_TO_CARD')
                        ORDER BY completed_at DESC LIMIT 1) AS t""",
                (rs, i) -> new AccountFacts.CashOut(rs.getLong("id"), rs.getString("kind"),
                        money(rs, "amount", "currency"), instant(rs, "completed_at")));
        var agreements = group(ids, """
                SELECT account_id, id, kind, merchant_name, signed_at FROM withholding_agreement
                 WHERE account_id = ANY(:ids) AND status = 'ACTIVE' ORDER BY signed_at""",
                (rs, i) -> new AccountFacts.WithholdingAgreement(rs.getLong("id"), rs.getString("kind"),
                        rs.getString("merchant_name"), instant(rs, "signed_at")));
        var arrangements = group(ids, """
                SELECT account_id, id, kind, description, remedy, starts_at, ends_at FROM special_arrangement
                 WHERE account_id = ANY(:ids) ORDER BY starts_at""",
                (rs, i) -> new AccountFacts.Arrangement(rs.getLong("id"), rs.getString("kind"),
                        rs.getString("description"), rs.getString("remedy"), instant(rs, "starts_at"), instant(rs, "ends_at")));
        var operations = group(ids, """
                SELECT account_id, id, kind, started_at FROM security_operation
                 WHERE account_id = ANY(:ids) AND status = 'IN_PROGRESS' ORDER BY started_at""",
                (rs, i) -> new AccountFacts.SecurityOperation(rs.getLong("id"), rs.getString("kind"), instant(rs, "started_at")));
        var disputes = group(ids, """
                SELECT account_id, id, trade_no, opened_at FROM trade_dispute
                 WHERE account_id = ANY(:ids) AND status = 'OPEN' ORDER BY opened_at""",
                (rs, i) -> new AccountFacts.Dispute(rs.getLong("id"), rs.getString("trade_no"), instant(rs, "opened_at")));
        var restrictions = group(ids, """
                SELECT account_id, id, kind, reason, imposed_at FROM account_restriction
                 WHERE account_id = ANY(:ids) AND lifted_at IS NULL ORDER BY imposed_at""",
                (rs, i) -> new AccountFacts.Restriction(rs.getLong("id"), rs.getString("kind"),
                        rs.getString("reason"), instant(rs, "imposed_at")));
        var contracts = group(ids, """
                SELECT account_id, id, contract_no, kind, starts_at, ends_at, terminated FROM merchant_contract
                 WHERE account_id = ANY(:ids) ORDER BY ends_at""",
                (rs, i) -> new AccountFacts.MerchantContract(rs.getLong("id"), rs.getString("contract_no"),
                        rs.getString("kind"), instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getBoolean("terminated")));

        Map<String, AccountFacts> facts = new LinkedHashMap<>();
        jdbc.query("""
                SELECT a.id, a.status, a.identity_type, a.activated_at, a.taobao_id, a.taobao_closable,
                       a.email IS NOT NULL AS has_email,
                       w.currency, w.balance, w.jifenbao_points, w.yuebao_balance, w.huabei_open,
                       w.huabei_outstanding, w.baodian_open, w.baodian_points
                  FROM account a LEFT JOIN wallet w ON w.account_id = a.id
                 WHERE a.id = ANY(:ids)""", ids, rs -> {
            String id = rs.getString("id");
            String currency = rs.getString("currency") == null ? "CNY" : rs.getString("currency");
            facts.put(id, new AccountFacts(id,
                    AccountStatus.valueOf(rs.getString("status")),
                    IdentityType.valueOf(rs.getString("identity_type")),
                    instant(rs, "activated_at"),
                    rs.getString("taobao_id"),
                    (Boolean) rs.getObject("taobao_closable"),
                    rs.getBoolean("has_email"),
                    moneyOrZero(rs, "balance", currency),
                    rs.getLong("jifenbao_points"),
                    moneyOrZero(rs, "yuebao_balance", currency),
                    rs.getBoolean("huabei_open"),
                    moneyOrZero(rs, "huabei_outstanding", currency),
                    rs.getBoolean("baodian_open"),
                    rs.getLong("baodian_points"),
                    pending.getOrDefault(id, List.of()),
                    first(cashOuts.get(id)),
                    agreements.getOrDefault(id, List.of()),
                    arrangements.getOrDefault(id, List.of()),
                    operations.getOrDefault(id, List.of()),
                    disputes.getOrDefault(id, List.of()),
                    restrictions.getOrDefault(id, List.of()),
                    contracts.getOrDefault(id, List.of())));
        });
        Map<String, AccountFacts> ordered = new LinkedHashMap<>();
        accountIds.forEach(id -> Optional.ofNullable(facts.get(id)).ifPresent(f -> ordered.put(id, f)));
        return ordered;
    }

    private <T> Map<String, List<T>> group(Map<String, Object> ids, String sql, RowMapper<T> mapper) {
        Map<String, List<T>> grouped = new HashMap<>();
        jdbc.query(sql, ids, rs -> {
            grouped.computeIfAbsent(rs.getString("account_id"), k -> new ArrayList<>()).add(mapper.mapRow(rs, 0));
        });
        return grouped;
    }

    private static <T> @Nullable T first(@Nullable List<T> list) {
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Money money(ResultSet rs, String amount, String currency) throws SQLException {
        return Money.of(rs.getBigDecimal(amount), rs.getString(currency));
    }

    private static Money moneyOrZero(ResultSet rs, String amount, String currency) throws SQLException {
        var value = rs.getBigDecimal(amount);
        return Money.of(value == null ? java.math.BigDecimal.ZERO.setScale(2) : value, currency);
    }
}
