package com.closureconsole.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holds the database's ledger against its own hashes, the ledger key's signatures and the digests
 * kept outside the database, and stops at the first thing wrong.
 *
 * <p>First the blocks, in block order: each follows on from the block before (the stored digest
 * of that block, when there is one, is what it must name); its fields give its hash; the ledger's
 * public key signed that hash; the digest store holds the same hash and signature. Then their
 * entries, a run of blocks at a time: the run's seals, then the entries of its id range in one
 * index scan, each giving the leaf hash it was sealed with at the time it was sealed with and
 * still having its details; then each block's leaves give its Merkle root. Two connections walk
 * the runs side by side on one exported snapshot, and the earliest run's finding is the answer.
 * Then: the digest store knows no newer block than the database (blocks removed, an older copy
 * restored), and every entry is sealed or waiting for the sealer. Entries of the old hash chain
 * are checked by {@link ChainVerifier} too. A time range is widened to the blocks that seal its
 * entries or were sealed within it.
 */
@Component
class LedgerVerifier {

    private static final int FETCH_SIZE = 2000;
    /** The job's progress and a request to cancel it are looked at once per this many entries. */
    private static final int PROGRESS_EVERY = 1_000;
    /**
     * The entries of an id range with whether their structured details still equal their text. The
     * text was stored as JSON; if the owner changed it to something else, the cast fails the
     * statement and {@link #ENTRIES_DETAILS_CHECKED} asks each entry instead.
     */
    private static final String ENTRIES_DETAILS_PARSED = "SELECT " + AuditQuery.COLUMNS
            + ", details = details_text::jsonb AS details_match FROM audit_entry WHERE id BETWEEN ? AND ? ORDER BY id";
    /** Migration V030 defines the function for each supported PostgreSQL version (15 lacks pg_input_is_valid). */
    private static final String ENTRIES_DETAILS_CHECKED = "SELECT " + AuditQuery.COLUMNS
            + ", audit_details_match(details, details_text) AS details_match FROM audit_entry WHERE id BETWEEN ? AND ? ORDER BY id";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final ChainVerifier legacy;
    private final LedgerKeys keys;
    private final DigestStore digests;
    private final AuditSealer sealer;
    /**
     * Blocks are checked in runs of at most this many entries (whose seals are held in memory
     * meanwhile) within an id range at most twice as long: the range a run reads stays near its
     * blocks' entries however many blocks that takes (a busy console seals a small block every
     * second; blocks of different months may interleave).
     */
    private final int runEntries;

    LedgerVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactions, ChainVerifier legacy, LedgerKeys keys,
                   DigestStore digests, AuditSealer sealer,
                   @Value("${closure.audit.verification-run-entries:50000}") int runEntries) {
        if (runEntries < 1) {
            throw new IllegalArgumentException("closure.audit.verification-run-entries must be at least 1, not " + runEntries);
        }
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.legacy = legacy;
        this.keys = keys;
        this.digests = digests;
        this.sealer = sealer;
        this.runEntries = runEntries;
    }

    LedgerReport verify(@Nullable Instant from, @Nullable Instant to, AuditJob<?> job) {
        // What committed before the check is sealed and its digest stored first, so nothing is reported for lag.
        sealer.sealCommitted(Duration.ofSeconds(10));
        ChainReport chain = legacy.verify(from, to, job);
        if (!chain.intact()) {
            ChainReport.BrokenLink broken = Objects.requireNonNull(chain.brokenLink(), "a broken chain names its link");
            return new LedgerReport(from, to, chain.entriesChecked(), 0, null, null, null,
                    new LedgerReport.Finding(LedgerReport.Problem.valueOf("LEGACY_" + broken.problem().name()),
                            broken.entryId(), null));
        }
        TreeMap<Long, BlockDigest> stored = new TreeMap<>();
        try {
            for (BlockDigest digest : digests.readAll()) {
                BlockDigest earlier = stored.putIfAbsent(digest.blockNo(), digest);
                if (earlier != null && !earlier.equals(digest)) {
                    return report(from, to, new Walk(), LedgerReport.Problem.DIGEST_MISMATCH, null, digest.blockNo());
                }
            }
        } catch (RuntimeException e) {
            return report(from, to, new Walk(), LedgerReport.Problem.DIGEST_STORE_DAMAGED, null, null);
        }
        return snapshot.execute(status -> walk(from, to, stored, job));
    }

    private LedgerReport walk(@Nullable Instant from, @Nullable Instant to, TreeMap<Long, BlockDigest> stored, AuditJob<?> job) {
        AuditLongRead.allow(jdbc);
        Walk walk = new Walk();
        long newestInDatabase = jdbc.queryForObject("SELECT coalesce(max(block_no), 0) FROM audit_block", Long.class);
        long sealerNewest = jdbc.queryForObject("SELECT last_block_no FROM audit_sealer", Long.class);
        long first = 1;
        long last = newestInDatabase;
        if (from != null || to != null) {
            AuditQuery range = AuditQuery.of(new AuditFilter(from, to, null, null, null, null, null, null), null);
            String sealedInRange = "SELECT s.block_no FROM (SELECT id FROM audit_entry WHERE " + range.conditions() + ") e"
                    + " JOIN audit_entry_seal s ON s.entry_id = e.id";
            Long lowest = jdbc.queryForObject("SELECT min(block_no) FROM (" + sealedInRange + ") b", Long.class, range.parameters());
            Long highest = jdbc.queryForObject("SELECT max(block_no) FROM (" + sealedInRange + ") b", Long.class, range.parameters());
            if (from != null) {
                // Blocks sealed since the start, but not those sealing only older entries (the last
                // entries of the month before, sealed just after it ended: that month may be archived).
                Long sealedSince = jdbc.queryForObject("""
                        SELECT min(block_no) FROM audit_block WHERE sealed_at >= ?
                           AND last_entry_id >= coalesce((SELECT min(id) FROM audit_entry WHERE occurred_at >= ?), 0)""",
                        Long.class, AuditQuery.utc(from), AuditQuery.utc(from));
                first = min(lowest, sealedSince, newestInDatabase + 1);
            }
            if (to != null) {
                Long sealedBefore = jdbc.queryForObject("SELECT max(block_no) FROM audit_block WHERE sealed_at < ?",
                        Long.class, AuditQuery.utc(to));
                last = Math.max(highest == null ? 0 : highest, sealedBefore == null ? 0 : sealedBefore);
            }
        }
        if (first <= last) {
            job.total(jdbc.queryForObject("SELECT coalesce(sum(entry_count), 0) FROM audit_block WHERE block_no BETWEEN ? AND ?",
                    Long.class, first, last));
            long firstBlock = first;
            long lastBlock = last;
            LedgerReport broken = jdbc.execute((ConnectionCallback<LedgerReport>) connection ->
                    walkBlocks(connection, firstBlock, lastBlock, stored, walk, from, to, job));
            if (broken != null) {
                return broken;
            }
        }
        Long newestStored = stored.isEmpty() ? null : stored.lastKey();
        if ((newestStored != null && newestStored > newestInDatabase) || sealerNewest > newestInDatabase) {
            return report(from, to, walk, LedgerReport.Problem.NEWEST_BLOCK_MISSING, null, newestInDatabase + 1);
        }
        if (to == null && newestInDatabase > 0 && !stored.containsKey(newestInDatabase)) {
            return report(from, to, walk, LedgerReport.Problem.DIGEST_MISSING, null, newestInDatabase);
        }
        AuditQuery range = AuditQuery.of(new AuditFilter(from, to, null, null, null, null, null, null), null);
        if (from == null && to == null) {
            // Every sealed entry was found above, once: any further entry must be still to seal. Counted
            // first (an index-only count); the entry itself is looked for only when one is outside.
            long entries = jdbc.queryForObject("SELECT count(*) FROM audit_entry", Long.class);
            long toSeal = jdbc.queryForObject("SELECT count(*) FROM audit_unsealed", Long.class);
            if (entries == walk.entries + toSeal) {
                return new LedgerReport(from, to, walk.entries, walk.blocks, walk.firstBlock, walk.lastBlock, walk.lastHash, null);
            }
        }
        String unsealed = "SELECT id FROM audit_entry WHERE " + range.conditions()
                + " AND NOT EXISTS (SELECT 1 FROM audit_entry_seal s JOIN audit_block b ON b.block_no = s.block_no"
                + " WHERE s.entry_id = audit_entry.id AND s.occurred_at = audit_entry.occurred_at)"
                + " AND NOT EXISTS (SELECT 1 FROM audit_unsealed u WHERE u.entry_id = audit_entry.id) ORDER BY id LIMIT ?";
        List<Long> outside = jdbc.queryForList(unsealed, Long.class, range.parameters(1));
        if (!outside.isEmpty()) {
            return report(from, to, walk, LedgerReport.Problem.ENTRY_NOT_SEALED, outside.get(0), null);
        }
        return new LedgerReport(from, to, walk.entries, walk.blocks, walk.firstBlock, walk.lastBlock, walk.lastHash, null);
    }

    /**
     * The blocks in block order (each follows on from the one before, gives its hash, carries the
     * key's signature and matches its stored digest), then their entries, a run of blocks at a time.
     */
    private @Nullable LedgerReport walkBlocks(Connection connection, long first, long last, Map<Long, BlockDigest> stored,
                                              Walk walk, @Nullable Instant from, @Nullable Instant to, AuditJob<?> job)
            throws SQLException {
        String expectedPrevious = null;
        if (first > 1) {
            BlockDigest before = stored.get(first - 1);
            expectedPrevious = before != null ? before.blockHash()
                    : jdbc.query("SELECT block_hash FROM audit_block WHERE block_no = ?",
                            (row, n) -> row.getString(1), first - 1).stream().findFirst().orElse(null);
        }
        List<LedgerBlock> blocks = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + AuditSealer.BLOCK_COLUMNS
                + " FROM audit_block WHERE block_no BETWEEN ? AND ? ORDER BY block_no")) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setLong(1, first);
            statement.setLong(2, last);
            try (ResultSet rows = statement.executeQuery()) {
                long expectedNo = first;
                while (rows.next()) {
                    LedgerBlock block = AuditSealer.block(rows);
                    long no = block.blockNo();
                    if (no != expectedNo || !Objects.equals(block.prevBlockHash(), expectedPrevious)) {
                        return report(from, to, walk, LedgerReport.Problem.BLOCK_LINK_BROKEN, null, no);
                    }
                    if (!block.computedHash().equals(block.blockHash())) {
                        return report(from, to, walk, LedgerReport.Problem.BLOCK_CHANGED, null, no);
                    }
                    if (!LedgerKeys.verify(keys.publicKey(), LedgerBlock.signedBytes(no, block.blockHash()), block.signature())) {
                        return report(from, to, walk, LedgerReport.Problem.BAD_SIGNATURE, null, no);
                    }
                    BlockDigest digest = stored.get(no);
                    if (digest == null) {
                        return report(from, to, walk, LedgerReport.Problem.DIGEST_MISSING, null, no);
                    }
                    if (!digest.equals(block.digest())) {
                        return report(from, to, walk, LedgerReport.Problem.DIGEST_MISMATCH, null, no);
                    }
                    if (block.entryCount() <= 0 || block.firstEntryId() > block.lastEntryId()) {
                        return report(from, to, walk, LedgerReport.Problem.BLOCK_CHANGED, null, no);
                    }
                    blocks.add(block);
                    expectedPrevious = block.blockHash();
                    expectedNo = no + 1;
                }
                if (expectedNo <= last) {
                    return report(from, to, walk, LedgerReport.Problem.BLOCK_LINK_BROKEN, null, expectedNo);
                }
            }
        }
        List<List<LedgerBlock>> runs = new ArrayList<>();
        int start = 0;
        while (start < blocks.size()) {
            int end = start + 1;
            long entries = blocks.get(start).entryCount();
            long lowestId = blocks.get(start).firstEntryId();
            long highestId = blocks.get(start).lastEntryId();
            while (end < blocks.size()) {
                LedgerBlock next = blocks.get(end);
                long lowest = Math.min(lowestId, next.firstEntryId());
                long highest = Math.max(highestId, next.lastEntryId());
                if (entries + next.entryCount() > runEntries || highest - lowest >= 2L * runEntries) {
                    break;
                }
                entries += next.entryCount();
                lowestId = lowest;
                highestId = highest;
                end++;
            }
            runs.add(blocks.subList(start, end));
            start = end;
        }
        return walkRuns(connection, runs, walk, from, to, job);
    }

    /**
     * The runs, on this connection and on a second one that reads the same snapshot (exported
     * from this transaction), so the database and the hashing use both cores. The finding of the
     * earliest run with one is the answer; no run after it is started.
     */
    private @Nullable LedgerReport walkRuns(Connection connection, List<List<LedgerBlock>> runs, Walk walk,
                                            @Nullable Instant from, @Nullable Instant to, AuditJob<?> job)
            throws SQLException {
        RunResult[] results = new RunResult[runs.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger stopAfter = new AtomicInteger(Integer.MAX_VALUE);
        AtomicLong checked = new AtomicLong(walk.entries);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread second = null;
        if (runs.size() > 1) {
            String snapshotId = jdbc.queryForObject("SELECT pg_export_snapshot()", String.class);
            DataSource dataSource = Objects.requireNonNull(jdbc.getDataSource());
            second = new Thread(() -> {
                try (Connection other = dataSource.getConnection()) {
                    other.setAutoCommit(false);
                    try {
                        try (Statement statement = other.createStatement()) {
                            statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                            statement.execute("SET TRANSACTION SNAPSHOT '" + snapshotId.replace("'", "") + "'");
                            statement.execute("SET LOCAL statement_timeout = 0");
                        }
                        takeRuns(other, runs, results, next, stopAfter, checked, job);
                    } finally {
                        other.rollback();
                    }
                } catch (SQLException | RuntimeException e) {
                    stop(failure, stopAfter, e);
                }
            }, "audit-verify-2");
            second.setDaemon(true);
            second.start();
        }
        try {
            takeRuns(connection, runs, results, next, stopAfter, checked, job);
        } catch (SQLException | RuntimeException e) {
            stop(failure, stopAfter, e);
        }
        if (second != null) {
            try {
                second.join();
            } catch (InterruptedException e) {
                stop(failure, stopAfter, e);
                Thread.currentThread().interrupt();
            }
        }
        // The first failure is the one to report; the other connection then stopped because of it.
        Throwable failed = failure.get();
        if (failed instanceof SQLException e) {
            throw e;
        }
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed != null) {
            throw new CancellationException("the verification was interrupted");
        }
        for (int i = 0; i < runs.size(); i++) {
            RunResult result = Objects.requireNonNull(results[i], "every run up to the first finding was walked");
            walk.entries += result.entries();
            LedgerReport.Finding finding = result.finding();
            if (finding != null) {
                return report(from, to, walk, finding.problem(), finding.entryId(), finding.blockNo());
            }
            List<LedgerBlock> run = runs.get(i);
            walk.blocks += run.size();
            walk.firstBlock = walk.firstBlock == null ? run.get(0).blockNo() : walk.firstBlock;
            walk.lastBlock = run.get(run.size() - 1).blockNo();
            walk.lastHash = run.get(run.size() - 1).blockHash();
        }
        return null;
    }

    /** Records the first failure and stops both connections at their next look. */
    private static void stop(AtomicReference<Throwable> failure, AtomicInteger stopAfter, Throwable e) {
        failure.compareAndSet(null, e);
        stopAfter.set(-1);
    }

    private void takeRuns(Connection connection, List<List<LedgerBlock>> runs, RunResult[] results, AtomicInteger next,
                          AtomicInteger stopAfter, AtomicLong checked, AuditJob<?> job) throws SQLException {
        for (int i = next.getAndIncrement(); i < runs.size() && i <= stopAfter.get(); i = next.getAndIncrement()) {
            RunResult result = walkEntries(connection, runs.get(i), checked, stopAfter, job);
            results[i] = result;
            if (result.finding() != null) {
                int run = i;
                stopAfter.accumulateAndGet(run, Math::min);
            }
        }
    }

    /** What walking one run found: how many of its entries were checked, and its first finding. */
    private record RunResult(long entries, LedgerReport.@Nullable Finding finding) {
    }

    /** Where an entry was sealed: its block (as an index into the run), position, leaf hash and time. */
    private record Seal(int block, int position, String leafHash, @Nullable OffsetDateTime occurredAt) {
    }

    /**
     * The entries of a run of blocks: their seals by entry id, then the entries of the run's id
     * range in one index scan in id order (each block seals the entries of one month, in id
     * order, so the range holds all of them), each giving the leaf hash it was sealed with; then
     * each block's leaves give its Merkle root. No entry is looked up one at a time but those a
     * seal names and the range does not hold (removed, or its id or time changed).
     */
    private RunResult walkEntries(Connection connection, List<LedgerBlock> run, AtomicLong checked,
                                  AtomicInteger stopAfter, AuditJob<?> job) throws SQLException {
        long firstNo = run.get(0).blockNo();
        long lowestId = Long.MAX_VALUE;
        long highestId = Long.MIN_VALUE;
        byte[][][] leaves = new byte[run.size()][][];
        for (int b = 0; b < run.size(); b++) {
            leaves[b] = new byte[run.get(b).entryCount()][];
            lowestId = Math.min(lowestId, run.get(b).firstEntryId());
            highestId = Math.max(highestId, run.get(b).lastEntryId());
        }
        Map<Long, Seal> seals = new HashMap<>();
        BitSet[] positions = new BitSet[run.size()];
        try (PreparedStatement statement = connection.prepareStatement("SELECT entry_id, block_no, position, leaf_hash,"
                + " occurred_at FROM audit_entry_seal WHERE block_no BETWEEN ? AND ? ORDER BY block_no, position")) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setLong(1, firstNo);
            statement.setLong(2, run.get(run.size() - 1).blockNo());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    int b = (int) (rows.getLong(2) - firstNo);
                    int position = rows.getInt(3);
                    positions[b] = positions[b] == null ? new BitSet() : positions[b];
                    if (position < 0 || position >= leaves[b].length || positions[b].get(position)) {
                        return new RunResult(0, new LedgerReport.Finding(LedgerReport.Problem.BLOCK_CHANGED, null, firstNo + b));
                    }
                    positions[b].set(position);
                    seals.put(rows.getLong(1), new Seal(b, position, rows.getString(4), rows.getObject(5, OffsetDateTime.class)));
                }
            }
        }
        long[] entries = new long[1];
        LedgerReport.Finding broken;
        Savepoint beforeEntries = connection.setSavepoint();
        try {
            broken = walkEntries(connection, ENTRIES_DETAILS_PARSED, lowestId, highestId, run, seals, leaves, entries,
                    checked, stopAfter, job);
            connection.releaseSavepoint(beforeEntries);
        } catch (SQLException e) {
            if (!"22P02".equals(e.getSQLState())) {
                throw e;
            }
            // Details no longer JSON (only the owner could store that): read again, asking each entry.
            connection.rollback(beforeEntries);
            broken = walkEntries(connection, ENTRIES_DETAILS_CHECKED, lowestId, highestId, run, seals, leaves, entries,
                    checked, stopAfter, job);
        }
        if (broken != null) {
            return new RunResult(entries[0], broken);
        }
        if (!seals.isEmpty()) {
            // Sealed, but not at its id and time in the range: gone, or its id or time changed.
            Map.Entry<Long, Seal> firstMissing = seals.entrySet().stream()
                    .min(Comparator.comparingInt((Map.Entry<Long, Seal> seal) -> seal.getValue().block())
                            .thenComparingInt(seal -> seal.getValue().position()))
                    .orElseThrow();
            long entryId = firstMissing.getKey();
            boolean elsewhere;
            try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM audit_entry WHERE id = ?")) {
                statement.setLong(1, entryId);
                try (ResultSet row = statement.executeQuery()) {
                    elsewhere = row.next();
                }
            }
            return new RunResult(entries[0], new LedgerReport.Finding(elsewhere ? LedgerReport.Problem.ENTRY_CHANGED
                    : LedgerReport.Problem.ENTRY_MISSING, entryId, firstNo + firstMissing.getValue().block()));
        }
        for (int b = 0; b < run.size(); b++) {
            LedgerBlock block = run.get(b);
            List<byte[]> blockLeaves = Arrays.asList(leaves[b]);
            if (blockLeaves.contains(null) || !Ledger.hex(Ledger.root(blockLeaves)).equals(block.merkleRoot())) {
                return new RunResult(entries[0], new LedgerReport.Finding(LedgerReport.Problem.BLOCK_CHANGED, null,
                        block.blockNo()));
            }
        }
        return new RunResult(entries[0], null);
    }

    private LedgerReport.@Nullable Finding walkEntries(Connection connection, String sql, long lowestId, long highestId,
                                                       List<LedgerBlock> run, Map<Long, Seal> seals, byte[][][] leaves,
                                                       long[] entries, AtomicLong checked, AtomicInteger stopAfter,
                                                       AuditJob<?> job) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setLong(1, lowestId);
            statement.setLong(2, highestId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong("id");
                    Seal seal = seals.get(id);
                    if (seal == null) {
                        continue;
                    }
                    long blockNo = run.get(seal.block()).blockNo();
                    AuditEntry entry = AuditQuery.entry(rows);
                    OffsetDateTime sealedTime = seal.occurredAt();
                    if (sealedTime == null || !sealedTime.toInstant().equals(entry.occurredAt())) {
                        return new LedgerReport.Finding(LedgerReport.Problem.ENTRY_CHANGED, id, blockNo);
                    }
                    byte[] leaf = Ledger.leafHash(entry);
                    if (!Ledger.hex(leaf).equals(seal.leafHash())) {
                        return new LedgerReport.Finding(LedgerReport.Problem.ENTRY_CHANGED, id, blockNo);
                    }
                    if (!rows.getBoolean("details_match")) {
                        return new LedgerReport.Finding(LedgerReport.Problem.DETAILS_CHANGED, id, blockNo);
                    }
                    leaves[seal.block()][seal.position()] = leaf;
                    seals.remove(id);
                    entries[0]++;
                    long done = checked.incrementAndGet();
                    if (done % PROGRESS_EVERY == 0) {
                        job.doneSoFar(done);
                        job.checkCancelled();
                        if (stopAfter.get() < 0) {
                            throw new CancellationException("the other verification connection stopped");
                        }
                    }
                }
            }
        }
        return null;
    }

    private static long min(@Nullable Long a, @Nullable Long b, long otherwise) {
        long result = otherwise;
        if (a != null) {
            result = Math.min(result, a);
        }
        if (b != null) {
            result = Math.min(result, b);
        }
        return result;
    }

    private static LedgerReport report(@Nullable Instant from, @Nullable Instant to, Walk walk, LedgerReport.Problem problem,
                                       @Nullable Long entryId, @Nullable Long blockNo) {
        return new LedgerReport(from, to, walk.entries, walk.blocks, walk.firstBlock, walk.lastBlock, walk.lastHash,
                new LedgerReport.Finding(problem, entryId, blockNo));
    }

    private static final class Walk {
        long entries;
        long blocks;
        @Nullable Long firstBlock;
        @Nullable Long lastBlock;
        @Nullable String lastHash;
    }
}
