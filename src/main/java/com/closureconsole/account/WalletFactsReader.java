package com.closureconsole.account;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the {@link AccountFacts} of one or many accounts in one statement, its every part served
 * by an index that holds only the rows that can block (pending transactions, active agreements …),
 * so an account with ten thousand transactions costs what one with none does, and a page of
 * accounts costs one round trip as one account does.
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

    /** Microseconds since the epoch of a time column, for the JSON rows below. */
    private static String micros(String column) {
        return "(extract(epoch FROM " + column + ") * 1000000)::bigint";
    }

    /**
     * Every fact of the listed accounts in one statement: the account and wallet columns, and each
     * blocker table as a JSON array of rows (a correlated subquery per table, each served by the
     * partial index that holds only the rows that can block). Amounts travel as text, so no digit
     * of a decimal is lost; times as microseconds.
     */
    private static final String FACTS = """
            SELECT a.id, a.status, a.identity_type, a.activated_at, a.taobao_id, a.taobao_closable,
                   a.email IS NOT NULL AS has_email,
                   w.currency, w.balance, w.jifenbao_points, w.yuebao_balance, w.huabei_open,
                   w.huabei_outstanding, w.baodian_open, w.baodian_points,
                   (SELECT json_agg(json_build_array(t.id, t.kind, t.amount::text, t.currency, %1$s) ORDER BY t.created_at)
                      FROM wallet_transaction t WHERE t.account_id = a.id AND t.status = 'PENDING') AS pending,
                   (SELECT json_build_array(t.id, t.kind, t.amount::text, t.currency, %2$s)
                      FROM wallet_transaction t
                     WHERE t.account_id = a.id AND t.status = 'SUCCEEDED' AND t.kind IN ('WITHDRAWAL', 'TRANSFER_TO_CARD')
                     ORDER BY t.completed_at DESC LIMIT 1) AS cash_out,
                   (SELECT json_agg(json_build_array(g.id, g.kind, g.merchant_name, %3$s) ORDER BY g.signed_at)
                      FROM withholding_agreement g WHERE g.account_id = a.id AND g.status = 'ACTIVE') AS agreements,
                   (SELECT json_agg(json_build_array(s.id, s.kind, s.description, s.remedy, %4$s, %5$s) ORDER BY s.starts_at)
                      FROM special_arrangement s WHERE s.account_id = a.id) AS arrangements,
                   (SELECT json_agg(json_build_array(o.id, o.kind, %6$s) ORDER BY o.started_at)
                      FROM security_operation o WHERE o.account_id = a.id AND o.status = 'IN_PROGRESS') AS operations,
                   (SELECT json_agg(json_build_array(d.id, d.trade_no, %7$s) ORDER BY d.opened_at)
                      FROM trade_dispute d WHERE d.account_id = a.id AND d.status = 'OPEN') AS disputes,
                   (SELECT json_agg(json_build_array(r.id, r.kind, r.reason, %8$s) ORDER BY r.imposed_at)
                      FROM account_restriction r WHERE r.account_id = a.id AND r.lifted_at IS NULL) AS restrictions,
                   (SELECT json_agg(json_build_array(c.id, c.contract_no, c.kind, %9$s, %10$s, c.terminated) ORDER BY c.ends_at)
                      FROM merchant_contract c WHERE c.account_id = a.id) AS contracts
              FROM account a LEFT JOIN wallet w ON w.account_id = a.id
             WHERE a.id = ANY(:ids)""".formatted(micros("t.created_at"), micros("t.completed_at"), micros("g.signed_at"),
            micros("s.starts_at"), micros("s.ends_at"), micros("o.started_at"), micros("d.opened_at"),
            micros("r.imposed_at"), micros("c.starts_at"), micros("c.ends_at"));

    private static final ObjectMapper JSON = new ObjectMapper();

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
        Map<String, AccountFacts> facts = new HashMap<>();
        jdbc.query(FACTS, Map.of("ids", accountIds.toArray(String[]::new)), rs -> {
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
                    rows(rs, "pending", r -> new AccountFacts.PendingTransaction(
                            r.get(0).asLong(), r.get(1).asText(), money(r.get(2), r.get(3)), instant(r.get(4)))),
                    first(rows(rs, "cash_out", r -> new AccountFacts.CashOut(
                            r.get(0).asLong(), r.get(1).asText(), money(r.get(2), r.get(3)), instant(r.get(4))))),
                    rows(rs, "agreements", r -> new AccountFacts.WithholdingAgreement(
                            r.get(0).asLong(), r.get(1).asText(), r.get(2).asText(), instant(r.get(3)))),
                    rows(rs, "arrangements", r -> new AccountFacts.Arrangement(r.get(0).asLong(), r.get(1).asText(),
                            r.get(2).asText(), r.get(3).asText(), instant(r.get(4)), instantOrNull(r.get(5)))),
                    rows(rs, "operations", r -> new AccountFacts.SecurityOperation(
                            r.get(0).asLong(), r.get(1).asText(), instant(r.get(2)))),
                    rows(rs, "disputes", r -> new AccountFacts.Dispute(
                            r.get(0).asLong(), r.get(1).asText(), instant(r.get(2)))),
                    rows(rs, "restrictions", r -> new AccountFacts.Restriction(
                            r.get(0).asLong(), r.get(1).asText(), r.get(2).asText(), instant(r.get(3)))),
                    rows(rs, "contracts", r -> new AccountFacts.MerchantContract(r.get(0).asLong(), r.get(1).asText(),
                            r.get(2).asText(), instant(r.get(3)), instant(r.get(4)), r.get(5).asBoolean()))));
        });
        Map<String, AccountFacts> ordered = new LinkedHashMap<>();
        accountIds.forEach(id -> Optional.ofNullable(facts.get(id)).ifPresent(f -> ordered.put(id, f)));
        return ordered;
    }

    /** The rows of one JSON array column, each row itself an array of the columns in {@link #FACTS}'s order. */
    private static <T> List<T> rows(ResultSet rs, String column, Function<JsonNode, T> row) throws SQLException {
        String json = rs.getString(column);
        if (json == null) {
            return List.of();
        }
        try {
            JsonNode node = JSON.readTree(json);
            if (!node.get(0).isArray()) {
                return List.of(row.apply(node));
            }
            List<T> rows = new ArrayList<>(node.size());
            node.forEach(r -> rows.add(row.apply(r)));
            return rows;
        } catch (JsonProcessingException e) {
            throw new SQLException("Unreadable " + column + " of an account's facts", e);
        }
    }

    private static <T> @Nullable T first(List<T> list) {
        return list.isEmpty() ? null : list.get(0);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /**
     * A time sent as microseconds since the epoch (exact, and free of the session's time zone), of
     * a column that is {@code NOT NULL}.
     */
    private static Instant instant(JsonNode micros) {
        return Instant.EPOCH.plus(micros.asLong(), ChronoUnit.MICROS);
    }

    /** The same, of a column that may be {@code NULL}. */
    private static @Nullable Instant instantOrNull(JsonNode micros) {
        return micros.isNull() ? null : instant(micros);
    }

    private static Money money(JsonNode amount, JsonNode currency) {
        return Money.of(new BigDecimal(amount.asText()), currency.asText());
    }

    private static Money moneyOrZero(ResultSet rs, String amount, String currency) throws SQLException {
        var value = rs.getBigDecimal(amount);
        return Money.of(value == null ? BigDecimal.ZERO.setScale(2) : value, currency);
    }
}
