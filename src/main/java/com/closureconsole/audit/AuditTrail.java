package com.closureconsole.audit;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the trail, page by page, newest first. Supervisors only. */
@Service
@PreAuthorize("hasRole('SUPERVISOR')")
public class AuditTrail {

    static final int MAX_PAGE = 500;

    private final JdbcTemplate jdbc;
    private final LedgerProofs proofs;

    AuditTrail(JdbcTemplate jdbc, LedgerProofs proofs) {
        this.jdbc = jdbc;
        this.proofs = proofs;
    }

    /** The inclusion proof of an entry: empty while it waits for the sealer (under a second). */
    @Transactional(readOnly = true)
    public Optional<InclusionProof> proof(long entryId) {
        return proofs.proof(entryId);
    }

    /** Up to {@code limit} entries matching the filter, newest first, after {@code after} (null: from the newest). */
    @Transactional(readOnly = true)
    public List<AuditEntry> page(AuditFilter filter, @Nullable AuditCursor after, int limit) {
        AuditQuery query = AuditQuery.of(filter, after);
        planForTheseValues(filter);
        return jdbc.query(query.sql(AuditQuery.COLUMNS, true), (row, n) -> AuditQuery.entry(row),
                query.parameters(Math.max(1, Math.min(limit, MAX_PAGE))));
    }

    /**
     * The position {@code rows} entries past {@code after}, for a reader that jumps ahead instead of
     * paging; empty when the trail ends before. Walks the index without reading the entries.
     */
    @Transactional(readOnly = true)
    public Optional<AuditCursor> cursorAfter(AuditFilter filter, @Nullable AuditCursor after, int rows) {
        if (rows <= 0) {
            return Optional.ofNullable(after);
        }
        AuditQuery query = AuditQuery.of(filter, after);
        planForTheseValues(filter);
        AuditCursor[] last = new AuditCursor[1];
        int[] seen = new int[1];
        jdbc.query(query.sql("occurred_at, id", true), (org.springframework.jdbc.core.RowCallbackHandler) row -> {
            seen[0]++;
            last[0] = new AuditCursor(row.getObject(1, java.time.OffsetDateTime.class).toInstant(), row.getLong(2));
        }, query.parameters(rows));
        return seen[0] == rows ? Optional.of(last[0]) : Optional.empty();
    }

    /**
     * A text filter is planned for its term and time range each time, never with a generic plan:
     * whether the trigram index, the time index or the window's entries are read first depends on
     * them. After five runs of the same prepared statement PostgreSQL may keep a generic plan, which
     * for a term of one or two letters (no trigram) walked the whole trail in time order: 480 ms a
     * page on 10,000,000 entries instead of 9 ms over the day's 14,000.
     */
    private void planForTheseValues(AuditFilter filter) {
        if (filter.text() != null) {
            jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        }
    }
}
