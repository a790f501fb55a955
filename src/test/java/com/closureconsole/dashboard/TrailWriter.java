package com.closureconsole.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Appends audit entries with the statement the console's audit log sends (the database gives each
 * its id and time and queues it for the sealer), and waits until the sealer has sealed them.
 */
public final class TrailWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcTemplate jdbc;

    public TrailWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Written(long id, Instant occurredAt) {
    }

    /** A 16-digit account id no other test uses (the trail does not require the account to exist). */
    public static String newAccountId() {
        return "2097" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }

    public Written write(String action, String accountId, String outcome, Map<String, ?> details) {
        String text;
        try {
            text = JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return jdbc.queryForObject("""
                INSERT INTO audit_entry (actor, actor_role, client_address, action, account_id, outcome,
                                         details_text, details, correlation_id)
                VALUES ('agent1', 'AGENT', '127.0.0.1', ?, ?, ?, ?, CAST(? AS jsonb), NULL)
                RETURNING id, occurred_at""", (row, n) -> new Written(row.getLong(1),
                row.getObject(2, OffsetDateTime.class).toInstant()), action, accountId, outcome, text, text);
    }

    /** An eligibility check as the console records it: closable, or blocked by these codes. */
    public Written check(String accountId, String... blockedBy) {
        List<Map<String, Object>> blockers = java.util.Arrays.stream(blockedBy)
                .map(code -> Map.<String, Object>of("code", code, "objects", List.of())).toList();
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("closable", blockedBy.length == 0);
        details.put("failedPreCheck", null);
        details.put("blockers", blockers);
        return write("ELIGIBILITY_CHECK", accountId, blockedBy.length == 0 ? "SUCCESS" : "BLOCKED", details);
    }

    /** Waits until every entry written so far is sealed into a block; answers the newest block. */
    public long awaitSealed() {
        long newest = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_entry", Long.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM audit_unsealed WHERE entry_id <= ?)", Boolean.class, newest))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the sealer did not seal entries up to " + newest + " within 30 s");
            }
            pause(50);
        }
        return jdbc.queryForObject("SELECT coalesce(max(block_no), 0) FROM audit_block", Long.class);
    }

    /** Waits until the dashboard has counted block {@code blockNo} (whichever fold counts it). */
    public void awaitFolded(long blockNo) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.queryForObject("SELECT last_block_no FROM dashboard_fold", Long.class) < blockNo) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the dashboard did not count block " + blockNo + " within 30 s");
            }
            pause(50);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
