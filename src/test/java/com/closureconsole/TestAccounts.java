package com.closureconsole;

import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Creates wallet accounts for tests that change data, so the demo accounts (which other tests
 * read) stay as the demo data made them. New accounts are active, real-name certified and closable.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestAccounts {

    private final JdbcTemplate jdbc;

    TestAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A fresh closable account with an email; answers its id. */
    public String closable() {
        return create("测试用户", "tester@example.com", null, null);
    }

    /** A fresh closable account without an email (so notified by SMS). */
    public String closableWithoutEmail() {
        return create("测试无邮箱", null, null, null);
    }

    public String create(String name, String email, String taobaoId, Boolean taobaoClosable) {
        String id = "2088" + String.format("%012d", ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999_999L));
        String phone = "+86139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        jdbc.update("""
                INSERT INTO account (id, name, phone, email, status, identity_type, taobao_id, taobao_closable,
                                     registered_at, activated_at)
                VALUES (?, ?, ?, ?, 'ACTIVE', 'REAL_NAME_CERTIFIED', ?, ?, now() - interval '1 year', now() - interval '1 year')""",
                id, name, phone, email, taobaoId, taobaoClosable);
        jdbc.update("INSERT INTO wallet (account_id) VALUES (?)", id);
        return id;
    }

    public void setBalance(String accountId, String amount) {
        jdbc.update("UPDATE wallet SET balance = CAST(? AS numeric) WHERE account_id = ?", amount, accountId);
    }

    public void addTransactions(String accountId, int count) {
        jdbc.update("""
                INSERT INTO wallet_transaction (account_id, kind, amount, status, created_at, completed_at)
                SELECT ?, 'PAYMENT', 1.00 + i % 100, 'SUCCEEDED', now() - i * interval '1 hour', now() - i * interval '1 hour'
                  FROM generate_series(1, ?) AS i""", accountId, count);
    }

    public void addPendingPayment(String accountId) {
        jdbc.update("""
                INSERT INTO wallet_transaction (account_id, kind, amount, status, created_at)
                VALUES (?, 'PAYMENT', 9.90, 'PENDING', now())""", accountId);
    }
}
