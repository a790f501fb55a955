package com.closureconsole.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holds the database's ledger against its own hashes, the ledger key's signatures and the digests
 * kept outside the database, block by block in block order, and stops at the first thing wrong.
 *
 * <p>For each block: it follows on from the block before (the stored digest of that block, when
 * there is one, is what it must name); its fields give its hash; the ledger's public key signed
 * that hash; the digest store holds the same hash and signature; each of its entries still gives
 * the leaf hash it was sealed with and still has its details; its leaves give its Merkle root.
 * Then: the digest store knows no newer block than the database (blocks removed, an older copy
 * restored), and every entry is sealed or waiting for the sealer. Entries of the old hash chain
 * are checked by {@link ChainVerifier} too. A time range is widened to the blocks that seal its
 * entries or were sealed within it. The walk reads one snapshot through database cursors.
 */
@Component
class LedgerVerifier {

    private static final int FETCH_SIZE = 2000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final ChainVerifier legacy;
    private final LedgerKeys keys;
    private final DigestStore digests;
    private final AuditSealer sealer;

    LedgerVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactions, ChainVerifier legacy, LedgerKeys keys,
                   DigestStore digests, AuditSealer sealer) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.legacy = legacy;
        this.keys = keys;
        this.digests = digests;
        this.sealer = sealer;
    }

    LedgerReport verify(Instant from, Instant to, AuditJob<?> job) {
        // What committed before the check is sealed and its digest stored first, so nothing is reported for lag.
        sealer.sealCommitted(Duration.ofSeconds(10));
        ChainReport chain = legacy.verify(from, to, job);
        if (!chain.intact()) {
            ChainReport.BrokenLink broken = chain.brokenLink();
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

    private LedgerReport walk(Instant from, Instant to, TreeMap<Long, BlockDigest> stored, AuditJob<?> job) {
        AuditLongRead.allow(jdbc);
        // Each seal finds its entry by (id, time) in its own month's partition (run-time partition
        // pruning), streaming in block order. The planner costs that as a probe of every month and
        // prefers hashing the whole trail and sorting it, which answers nothing for minutes.
        jdbc.execute("SET LOCAL enable_hashjoin = off");
        jdbc.execute("SET LOCAL enable_mergejoin = off");
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
            // Every sealed entry was found above, once: any further entry must be queued. Counted
            // first (an index-only count); the entry itself is looked for only when one is outside.
            long entries = jdbc.queryForObject("SELECT count(*) FROM audit_entry", Long.class);
            long queued = jdbc.queryForObject("SELECT count(*) FROM audit_unsealed u JOIN audit_entry e"
                    + " ON e.id = u.entry_id AND e.occurred_at = u.occurred_at", Long.class);
            if (entries == walk.entries + queued) {
                return new LedgerReport(from, to, walk.entries, walk.blocks, walk.firstBlock, walk.lastBlock, walk.lastHash, null);
            }
        }
        jdbc.execute("SET LOCAL enable_hashjoin = on");
        jdbc.execute("SET LOCAL enable_mergejoin = on");
        String unsealed = "SELECT id FROM audit_entry WHERE " + range.conditions()
                + " AND NOT EXISTS (SELECT 1 FROM audit_entry_seal s WHERE s.entry_id = audit_entry.id"
                + " AND s.occurred_at = audit_entry.occurred_at)"
                + " AND NOT EXISTS (SELECT 1 FROM audit_unsealed u WHERE u.entry_id = audit_entry.id) ORDER BY id LIMIT ?";
        List<Long> outside = jdbc.queryForList(unsealed, Long.class, range.parameters(1));
        if (!outside.isEmpty()) {
            return report(from, to, walk, LedgerReport.Problem.ENTRY_NOT_SEALED, outside.get(0), null);
        }
        return new LedgerReport(from, to, walk.entries, walk.blocks, walk.firstBlock, walk.lastBlock, walk.lastHash, null);
    }

    private LedgerReport walkBlocks(Connection connection, long first, long last, Map<Long, BlockDigest> stored,
                                    Walk walk, Instant from, Instant to, AuditJob<?> job) throws SQLException {
        String expectedPrevious = null;
        if (first > 1) {
            BlockDigest before = stored.get(first - 1);
            expectedPrevious = before != null ? before.blockHash()
                    : jdbc.query("SELECT block_hash FROM audit_block WHERE block_no = ?",
                            (row, n) -> row.getString(1), first - 1).stream().findFirst().orElse(null);
        }
        try (PreparedStatement blocks = connection.prepareStatement("SELECT " + AuditSealer.BLOCK_COLUMNS
                + " FROM audit_block WHERE block_no BETWEEN ? AND ? ORDER BY block_no");
             PreparedStatement seals = connection.prepareStatement("SELECT s.block_no AS sealed_in, s.position, s.leaf_hash, "
                     + "s.entry_id, " + AuditQuery.E_COLUMNS + ", audit_details_match(e.details, e.details_text) AS details_match"
                     + " FROM audit_entry_seal s LEFT JOIN audit_entry e ON e.id = s.entry_id AND e.occurred_at = s.occurred_at"
                     + " WHERE s.block_no BETWEEN ? AND ? ORDER BY s.block_no, s.position")) {
            blocks.setFetchSize(FETCH_SIZE);
            seals.setFetchSize(FETCH_SIZE);
            blocks.setLong(1, first);
            blocks.setLong(2, last);
            seals.setLong(1, first);
            seals.setLong(2, last);
            try (ResultSet blockRows = blocks.executeQuery(); ResultSet sealRows = seals.executeQuery()) {
                boolean sealRow = sealRows.next();
                long expectedNo = first;
                while (blockRows.next()) {
                    LedgerBlock block = AuditSealer.block(blockRows);
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
                    while (sealRow && sealRows.getLong("sealed_in") < no) {
                        sealRow = sealRows.next();
                    }
                    List<byte[]> leaves = new ArrayList<>(block.entryCount());
                    while (sealRow && sealRows.getLong("sealed_in") == no) {
                        long entryId = sealRows.getLong("entry_id");
                        if (sealRows.getInt("position") != leaves.size()) {
                            return report(from, to, walk, LedgerReport.Problem.BLOCK_CHANGED, null, no);
                        }
                        if (sealRows.getObject("id") == null) {
                            // Not at the time it was sealed with: gone, or its time changed.
                            boolean elsewhere = Boolean.TRUE.equals(jdbc.queryForObject(
                                    "SELECT EXISTS (SELECT 1 FROM audit_entry WHERE id = ?)", Boolean.class, entryId));
                            return report(from, to, walk, elsewhere ? LedgerReport.Problem.ENTRY_CHANGED
                                    : LedgerReport.Problem.ENTRY_MISSING, entryId, no);
                        }
                        String leaf = Ledger.hex(Ledger.leafHash(AuditQuery.entry(sealRows)));
                        if (!leaf.equals(sealRows.getString("leaf_hash"))) {
                            return report(from, to, walk, LedgerReport.Problem.ENTRY_CHANGED, entryId, no);
                        }
                        if (!sealRows.getBoolean("details_match")) {
                            return report(from, to, walk, LedgerReport.Problem.DETAILS_CHANGED, entryId, no);
                        }
                        leaves.add(Ledger.unhex(leaf));
                        walk.entries++;
                        job.doneSoFar(walk.entries);
                        job.checkCancelled();
                        sealRow = sealRows.next();
                    }
                    if (leaves.size() != block.entryCount() || leaves.isEmpty()
                            || !Ledger.hex(Ledger.root(leaves)).equals(block.merkleRoot())) {
                        return report(from, to, walk, LedgerReport.Problem.BLOCK_CHANGED, null, no);
                    }
                    walk.blocks++;
                    walk.firstBlock = walk.firstBlock == null ? no : walk.firstBlock;
                    walk.lastBlock = no;
                    walk.lastHash = block.blockHash();
                    expectedPrevious = block.blockHash();
                    expectedNo = no + 1;
                }
                if (expectedNo <= last) {
                    return report(from, to, walk, LedgerReport.Problem.BLOCK_LINK_BROKEN, null, expectedNo);
                }
            }
        }
        return null;
    }

    private static long min(Long a, Long b, long otherwise) {
        long result = otherwise;
        if (a != null) {
            result = Math.min(result, a);
        }
        if (b != null) {
            result = Math.min(result, b);
        }
        return result;
    }

    private static LedgerReport report(Instant from, Instant to, Walk walk, LedgerReport.Problem problem, Long entryId,
                                       Long blockNo) {
        return new LedgerReport(from, to, walk.entries, walk.blocks, walk.firstBlock, walk.lastBlock, walk.lastHash,
                new LedgerReport.Finding(problem, entryId, blockNo));
    }

    private static final class Walk {
        long entries;
        long blocks;
        Long firstBlock;
        Long lastBlock;
        String lastHash;
    }
}
