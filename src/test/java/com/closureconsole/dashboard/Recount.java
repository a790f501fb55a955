package com.closureconsole.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every table of the dashboard as it should be, counted afresh in Java from the stored text of
 * the entries of the sealed blocks up to a watermark, independently of the fold's SQL; and the
 * same tables as the fold left them, in the same shape, so the two compare with one equals.
 */
record Recount(Map<String, Long> closures, Map<String, Long> checks, Set<String> seen, Map<String, Instant> firstChecks,
               Map<Long, String> timesToClose, Map<String, Long> refusals, Map<String, String> notifications) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DECISIONS = Set.of("CLOSURE_SUBMIT", "CLOSURE_APPROVE", "CLOSURE_REJECT",
            "CLOSURE_CANCEL");

    private record Entry(long id, Instant at, LocalDate day, String action, String accountId, String outcome,
                         JsonNode details) {
    }

    /** Counts the entries of blocks 1 to {@code watermark}, days in {@code zone}. */
    static Recount expected(JdbcTemplate jdbc, long watermark, ZoneId zone) {
        List<Entry> entries = jdbc.query("""
                SELECT e.id, e.occurred_at, e.action, e.account_id, e.outcome, e.details_text
                  FROM audit_entry_seal s JOIN audit_entry e ON e.id = s.entry_id AND e.occurred_at = s.occurred_at
                 WHERE s.block_no <= ? ORDER BY s.block_no, s.position""", (row, n) -> {
            Instant at = row.getObject(2, OffsetDateTime.class).toInstant();
            JsonNode details;
            try {
                details = JSON.readTree(row.getString(6));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return new Entry(row.getLong(1), at, at.atZone(zone).toLocalDate(), row.getString(3), row.getString(4),
                    row.getString(5), details);
        }, watermark);
        Map<String, Long> closures = new TreeMap<>();
        Map<String, Long> checks = new TreeMap<>();
        Set<String> seen = new TreeSet<>();
        Map<String, Instant> firstChecks = new TreeMap<>();
        Map<Long, String> times = new TreeMap<>();
        Map<String, Long> refusals = new TreeMap<>();
        Map<String, long[]> notifications = new TreeMap<>();
        for (Entry e : entries) {
            if ("ELIGIBILITY_CHECK".equals(e.action()) && e.accountId() != null) {
                firstChecks.merge(e.accountId(), e.at(), (a, b) -> a.isBefore(b) ? a : b);
                List<String> codes = new ArrayList<>();
                codes.add("");
                JsonNode blockers = e.details().path("blockers");
                if (blockers.isArray()) {
                    blockers.forEach(b -> {
                        JsonNode code = b.path("code");
                        if (b.isObject() && !code.isMissingNode() && !code.isNull()) {
                            codes.add(code.isValueNode() ? code.asText() : code.toString());
                        }
                    });
                }
                for (String code : codes) {
                    if (seen.add(e.day() + "|" + e.accountId() + "|" + code)) {
                        checks.merge(e.day() + "|" + code, 1L, Long::sum);
                    }
                }
            }
            String outcome = switch (e.action()) {
                case "CLOSURE_SUBMIT" -> "SUCCESS".equals(e.outcome()) ? "SUBMITTED" : null;
                case "CLOSURE_COMPLETE" -> "SUCCESS".equals(e.outcome()) ? "COMPLETED" : null;
                case "CLOSURE_FAIL" -> "FAILED";
                case "CLOSURE_REJECT" -> "SUCCESS".equals(e.outcome()) ? "REJECTED" : null;
                case "CLOSURE_CANCEL" -> "SUCCESS".equals(e.outcome()) ? "CANCELLED" : null;
                default -> null;
            };
            if (outcome != null) {
                closures.merge(e.day() + "|" + outcome, 1L, Long::sum);
            }
            if (DECISIONS.contains(e.action()) && Set.of("FAILURE", "BLOCKED").contains(e.outcome())) {
                refusals.merge(e.day() + "|" + e.action() + "|" + text(e.details(), "refused"), 1L, Long::sum);
            }
            if ("NOTIFICATION_QUEUED".equals(e.action()) || "NOTIFICATION_DELIVERY".equals(e.action())) {
                long[] n = notifications.computeIfAbsent(e.day() + "|" + text(e.details(), "channel"), k -> new long[4]);
                boolean delivery = "NOTIFICATION_DELIVERY".equals(e.action());
                n[0] += delivery ? 0 : 1;
                n[1] += delivery && "SUCCESS".equals(e.outcome()) ? 1 : 0;
                n[2] += delivery && "FAILURE".equals(e.outcome()) ? 1 : 0;
                n[3] += delivery && "FAILURE".equals(e.outcome()) && "false".equals(text(e.details(), "willRetry")) ? 1 : 0;
            }
        }
        for (Entry e : entries) {
            if ("CLOSURE_COMPLETE".equals(e.action()) && "SUCCESS".equals(e.outcome()) && e.accountId() != null) {
                Instant first = firstChecks.get(e.accountId());
                if (first != null && !first.isAfter(e.at())) {
                    times.put(e.id(), e.day() + "|" + e.accountId() + "|" + Duration.between(first, e.at()).toMillis());
                }
            }
        }
        Map<String, String> notified = new TreeMap<>();
        notifications.forEach((key, n) -> notified.put(key, n[0] + "," + n[1] + "," + n[2] + "," + n[3]));
        return new Recount(closures, checks, seen, firstChecks, times, refusals, notified);
    }

    private static String text(JsonNode details, String field) {
        JsonNode value = details.path(field);
        if (!details.isObject() || value.isMissingNode() || value.isNull()) {
            return field.equals("willRetry") ? null : "UNKNOWN";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** The dashboard's tables as the fold left them. */
    static Recount actual(JdbcTemplate jdbc) {
        Map<String, Long> closures = new TreeMap<>();
        jdbc.query("SELECT day, outcome, closures FROM dashboard_closure_day",
                row -> { closures.put(row.getDate(1).toLocalDate() + "|" + row.getString(2), row.getLong(3)); });
        Map<String, Long> checks = new TreeMap<>();
        jdbc.query("SELECT day, code, accounts FROM dashboard_check_day",
                row -> { checks.put(row.getDate(1).toLocalDate() + "|" + row.getString(2), row.getLong(3)); });
        Set<String> seen = new TreeSet<>(jdbc.query("SELECT day, account_id, code FROM dashboard_check_seen",
                (row, n) -> row.getDate(1).toLocalDate() + "|" + row.getString(2) + "|" + row.getString(3)));
        Map<String, Instant> firstChecks = new TreeMap<>();
        jdbc.query("SELECT account_id, first_checked_at FROM dashboard_first_check",
                row -> { firstChecks.put(row.getString(1), row.getObject(2, OffsetDateTime.class).toInstant()); });
        Map<Long, String> times = new TreeMap<>();
        jdbc.query("SELECT entry_id, day, account_id, millis FROM dashboard_time_to_close", row -> {
            times.put(row.getLong(1), row.getDate(2).toLocalDate() + "|" + row.getString(3) + "|" + row.getLong(4));
        });
        Map<String, Long> refusals = new TreeMap<>();
        jdbc.query("SELECT day, action, reason, refusals FROM dashboard_refusal_day", row -> {
            refusals.put(row.getDate(1).toLocalDate() + "|" + row.getString(2) + "|" + row.getString(3), row.getLong(4));
        });
        Map<String, String> notifications = new TreeMap<>();
        jdbc.query("SELECT day, channel, queued, delivered, failed_attempts, failed_for_good FROM dashboard_notification_day",
                row -> {
                    notifications.put(row.getDate(1).toLocalDate() + "|" + row.getString(2), row.getLong(3) + ","
                            + row.getLong(4) + "," + row.getLong(5) + "," + row.getLong(6));
                });
        return new Recount(closures, checks, seen, firstChecks, times, refusals, notifications);
    }

    static Map<String, Long> sumByKeyTail(Map<String, Long> counts) {
        Map<String, Long> sums = new HashMap<>();
        counts.forEach((key, count) -> sums.merge(key.substring(key.indexOf('|') + 1), count, Long::sum));
        return sums;
    }
}
