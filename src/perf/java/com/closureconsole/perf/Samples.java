package com.closureconsole.perf;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The inputs of the benchmark, drawn from the dataset with a fixed seed: account ids, phones typed
 * in four common formats, emails with some capitals, Taobao ids, active accounts for the eligibility
 * check (about half of them blocked), blocked accounts, and the accounts with 10,000+ transactions.
 */
record Samples(List<String> ids, List<String> phones, List<String> emails, List<String> taobaoIds,
               List<String> ordinary, List<String> blocked, List<Map<String, Object>> heavy) {

    static Samples pick(Connection jdbc, Map<String, Object> dataset) throws Exception {
        List<String> ids = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        List<String> ordinary = new ArrayList<>();
        try (Statement st = jdbc.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT id, phone, email, status FROM account TABLESAMPLE BERNOULLI (0.1) REPEATABLE (7)
                 WHERE id LIKE '20881%' ORDER BY id""")) {
            while (rs.next()) {
                int n = ids.size();
                ids.add(rs.getString("id"));
                if (rs.getString("phone") != null) {
                    phones.add(formatted(rs.getString("phone"), n));
                }
                if (rs.getString("email") != null) {
                    String email = rs.getString("email");
                    emails.add(n % 3 == 0 ? email.substring(0, 1).toUpperCase(Locale.ROOT) + email.substring(1) : email);
                }
                if ("ACTIVE".equals(rs.getString("status")) && ordinary.size() < 500) {
                    ordinary.add(rs.getString("id"));
                }
            }
        }
        List<String> taobaoIds = strings(jdbc, """
                SELECT taobao_id FROM account TABLESAMPLE BERNOULLI (0.5) REPEATABLE (8)
                 WHERE taobao_id IS NOT NULL ORDER BY id LIMIT 500""");
        List<String> blocked = strings(jdbc, """
                SELECT a.id FROM account a JOIN wallet w ON w.account_id = a.id
                 WHERE a.id LIKE '20881%' AND a.status = 'ACTIVE' AND w.balance > 0 AND w.yuebao_balance > 0
                 ORDER BY a.id LIMIT 100""");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> heavy = (List<Map<String, Object>>) dataset.get("heavyAccounts");
        // The largest and the smallest of the accounts with 10,000+ transactions.
        List<Map<String, Object>> extremes = heavy.size() <= 2 ? heavy : List.of(heavy.get(0), heavy.get(heavy.size() - 1));
        return new Samples(ids, phones, emails, taobaoIds, ordinary, blocked, extremes);
    }

    /** +86 139 1234 5678, 13912345678, 139-1234-5678 or +8613912345678 in turn. */
    static String formatted(String e164, int n) {
        String national = e164.substring(3);
        return switch (n % 4) {
            case 0 -> "+86 " + national.substring(0, 3) + " " + national.substring(3, 7) + " " + national.substring(7);
            case 1 -> national;
            case 2 -> national.substring(0, 3) + "-" + national.substring(3, 7) + "-" + national.substring(7);
            default -> e164;
        };
    }

    private static List<String> strings(Connection jdbc, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement st = jdbc.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
