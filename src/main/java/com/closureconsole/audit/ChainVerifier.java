package com.closureconsole.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the old hash chain, the entries written before the ledger (V050) up to the chain's frozen
 * head, in id order, recomputing every entry's hash and checking that it links to the
 * entry before it, and stops at the first broken link. A time range is widened to the ids it
 * spans, and its ends are checked too: the first entry against the one before the range, the last
 * against the one after it, or against the chain's head when it is the newest. The walk reads one
 * snapshot through a database cursor, so it takes the same memory for any length of trail.
 */
@Component
class ChainVerifier {

    private static final int FETCH_SIZE = 1000;
    /** Migration V030 defines it for each supported PostgreSQL version (15 lacks pg_input_is_valid). */
    private static final String DETAILS_MATCH = "audit_details_match(details, details_text)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    ChainVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    ChainReport verify(@Nullable Instant from, @Nullable Instant to, AuditJob<?> job) {
        return snapshot.execute(status -> walk(from, to, job));
    }

    private ChainReport walk(@Nullable Instant from, @Nullable Instant to, AuditJob<?> job) {
        AuditLongRead.allow(jdbc);
        Head head = jdbc.queryForObject("SELECT last_id, last_hash FROM audit_chain_head",
                (row, n) -> new Head((Long) row.getObject("last_id"), row.getString("last_hash")));
        if (head.lastId() == null) {
            return new ChainReport(from, to, 0, null, null, null, null);
        }
        Long firstId;
        Long lastId;
        if (from == null && to == null) {
            firstId = jdbc.queryForObject("SELECT min(id) FROM audit_entry WHERE id <= ?", Long.class, head.lastId());
            lastId = jdbc.queryForObject("SELECT max(id) FROM audit_entry WHERE id <= ?", Long.class, head.lastId());
        } else {
            AuditQuery range = AuditQuery.of(new AuditFilter(from, to, null, null, null, null, null, null), null);
            List<Long> newest = jdbc.queryForList(range.sql("id", true), Long.class, range.parameters(1));
            String oldestFirst = range.sql("id", true).replace("occurred_at DESC, id DESC", "occurred_at, id");
            List<Long> oldest = jdbc.queryForList(oldestFirst, Long.class, range.parameters(1));
            firstId = oldest.isEmpty() ? null : Math.min(oldest.get(0), newest.get(0));
            lastId = newest.isEmpty() ? null : Math.min(head.lastId(), Math.max(oldest.get(0), newest.get(0)));
            if (firstId != null && firstId > head.lastId()) {
                firstId = null;
            }
        }
        if (firstId == null) {
            boolean headAgrees = from != null || to != null;
            return new ChainReport(from, to, 0, null, null, null,
                    headAgrees ? null : new ChainReport.BrokenLink(head.lastId(), ChainReport.Problem.NEWEST_ENTRY_MISSING, null));
        }
        job.total(Objects.requireNonNull(lastId, "a range that holds a first entry holds a last one") - firstId + 1);
        long start = firstId;

        Link previous = jdbc.query("SELECT id, hash FROM audit_entry WHERE id < ? ORDER BY id DESC LIMIT 1",
                (row, n) -> new Link(row.getLong("id"), row.getString("hash")), firstId)
                .stream().findFirst().orElse(null);
        Walk walk = jdbc.query("SELECT " + AuditQuery.COLUMNS + ", " + DETAILS_MATCH + " AS details_match"
                        + " FROM audit_entry WHERE id BETWEEN ? AND ? ORDER BY id",
                (ResultSetExtractor<Walk>) rows -> {
                    Link before = previous;
                    long checked = 0;
                    while (rows.next()) {
                        ChainedEntry entry = new ChainedEntry(rows.getLong("id"),
                                rows.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                                rows.getString("actor"), rows.getString("actor_role"), rows.getString("client_address"),
                                rows.getString("action"), rows.getString("account_id"), rows.getString("outcome"),
                                rows.getString("details_text"), rows.getObject("correlation_id", UUID.class),
                                rows.getString("prev_hash"));
                        Long beforeId = before == null ? null : before.id();
                        ChainReport.Problem problem = null;
                        if (!Objects.equals(entry.prevHash(), before == null ? null : before.hash())) {
                            problem = ChainReport.Problem.LINK_BROKEN;
                        } else if (!entry.hash().equals(rows.getString("hash"))) {
                            problem = ChainReport.Problem.CONTENT_CHANGED;
                        } else if (!rows.getBoolean("details_match")) {
                            problem = ChainReport.Problem.DETAILS_CHANGED;
                        }
                        if (problem != null) {
                            return new Walk(checked, before, new ChainReport.BrokenLink(entry.id(), problem, beforeId));
                        }
                        before = new Link(entry.id(), rows.getString("hash"));
                        checked++;
                        job.doneSoFar(entry.id() - start + 1);
                        job.checkCancelled();
                    }
                    return new Walk(checked, before, null);
                }, firstId, lastId);
        Objects.requireNonNull(walk);
        ChainReport.BrokenLink broken = walk.broken() != null ? walk.broken()
                : checkEnd(Objects.requireNonNull(walk.last(), "a walk without a break checked the first entry"), head);
        return new ChainReport(from, to, walk.checked(), firstId, lastId,
                walk.last() == null ? null : walk.last().hash(), broken);
    }

    /** The entry after the range must link to its last entry; with none after it, the head must name it. */
    private ChainReport.@Nullable BrokenLink checkEnd(Link last, Head head) {
        List<Link> next = jdbc.query("SELECT id, prev_hash FROM audit_entry WHERE id > ? AND id <= ? ORDER BY id LIMIT 1",
                (row, n) -> new Link(row.getLong("id"), row.getString("prev_hash")), last.id(), head.lastId());
        if (!next.isEmpty()) {
            return Objects.equals(next.get(0).hash(), last.hash()) ? null
                    : new ChainReport.BrokenLink(next.get(0).id(), ChainReport.Problem.LINK_BROKEN, last.id());
        }
        boolean headAgrees = Objects.equals(head.lastId(), last.id()) && Objects.equals(head.lastHash(), last.hash());
        return headAgrees ? null
                : new ChainReport.BrokenLink(head.lastId() == null ? last.id() : head.lastId(),
                        ChainReport.Problem.NEWEST_ENTRY_MISSING, last.id());
    }

    private record Head(@Nullable Long lastId, @Nullable String lastHash) {
    }

    private record Link(long id, @Nullable String hash) {
    }

    private record Walk(long checked, @Nullable Link last, ChainReport.@Nullable BrokenLink broken) {
    }
}
