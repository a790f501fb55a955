package com.closureconsole.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals committed entries into blocks, on a thread of its own every
 * {@code closure.audit.seal-interval} (default 500 ms), so an entry is sealed within a second of
 * its commit.
 *
 * <p>The sealer connects as the schema owner (the role Flyway migrates with): the application's
 * role may read the ledger but cannot write a block or lock the sealer's row, so it can neither
 * forge a block nor hold the sealer up. One sealer at a time across all nodes: each block is sealed
 * in one short transaction that first locks the row of {@code audit_sealer} ({@code SKIP LOCKED}:
 * a node that finds it taken simply tries again at its next turn). That transaction takes the
 * oldest committed entries that are not sealed, in id order, from the trail itself (there is no
 * queue: an append writes its entry only), computes their leaf hashes and Merkle root, chains the
 * block to the one before and signs its digest. An entry that commits after a higher id was sealed
 * is found again once its transaction ends (V110 explains how), and sealed by a later block,
 * exactly once: a seal's key is its entry's id. A node that dies midway leaves the transaction
 * rolled back and the entries unsealed. After the commit the block's digest goes to the
 * {@link DigestStore}; a digest not yet stored is remembered in {@code audit_digest_pending} and
 * stored by the next turn of any node.
 *
 * <p>A block never mixes months (UTC): the trail is partitioned by month (V090), and a month's
 * partition is archived with its own blocks. The sealer also keeps the partitions of the coming
 * months ready ({@link #preparePartitions()}), at its first turn and every hour after.
 */
@Component
class AuditSealer implements SmartLifecycle {

    static final int MAX_BLOCK = 5000;
    private static final int MAX_BLOCKS_PER_TURN = 100;
    /** Months after the current one whose partitions are kept ready. */
    static final int MONTHS_AHEAD = 3;
    private static final Duration PARTITION_CHECK = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

    private final HikariDataSource owner;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final LedgerKeys keys;
    private final DigestStore digests;
    private final Duration interval;
    private final Object sealing = new Object();
    private @Nullable ScheduledExecutorService thread;
    private volatile boolean failing;
    /** This node's knowledge between sealing steps; guarded by {@code sealing}. */
    private @Nullable Horizon horizon;
    private volatile boolean paused;
    private volatile long partitionsPrepared = System.nanoTime() - PARTITION_CHECK.toNanos();
    private boolean partitionFailureLogged;

    AuditSealer(ObjectProvider<Flyway> flyway, DataSource application, LedgerKeys keys, DigestStore digests,
                @Value("${closure.audit.seal-interval:500ms}") Duration interval) {
        Flyway migrations = flyway.getIfAvailable();
        DataSource ownerSource = migrations == null ? application : migrations.getConfiguration().getDataSource();
        this.owner = new HikariDataSource();
        this.owner.setDataSource(ownerSource);
        this.owner.setPoolName("audit-sealer");
        this.owner.setMaximumPoolSize(2);
        this.owner.setMinimumIdle(0);
        this.owner.setConnectionTimeout(5000);
        this.jdbc = new JdbcTemplate(owner);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(owner));
        this.keys = keys;
        this.digests = digests;
        this.interval = interval;
    }

    /** Seals what has committed and stores pending digests; answers how many blocks this node sealed. */
    int sealPending() {
        synchronized (sealing) {
            // A turn seals what had committed when it began, in as few blocks as that takes, rather
            // than a block for each few entries that commit while it runs (they wait for the next turn).
            // Ids the sequence has not given (written past it by hand) are never sealed: V110.
            long bound = jdbc.queryForObject("""
                    SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM audit_entry_id_seq""", Long.class);
            int sealed = 0;
            while (sealed < MAX_BLOCKS_PER_TURN) {
                Horizon known = horizon;
                Step step = transaction.execute(status -> sealStep(known, bound));
                if (step == null) {
                    break; // another node is sealing
                }
                // Only what committed is known: a failed step leaves the horizon of the last one that did.
                horizon = step.horizon();
                if (!step.sealed()) {
                    break;
                }
                sealed++;
            }
            transaction.executeWithoutResult(status -> publishPending());
            return sealed;
        }
    }

    /**
     * Seals and publishes every entry committed before this call, whichever node does it, waiting
     * up to {@code patience}; false when some are still unsealed then.
     */
    boolean sealCommitted(Duration patience) {
        long newest = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_entry", Long.class);
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            sealPending();
            Boolean done = jdbc.queryForObject("""
                    SELECT NOT EXISTS (SELECT 1 FROM audit_unsealed WHERE entry_id <= ?)
                       AND NOT EXISTS (SELECT 1 FROM audit_digest_pending)""", Boolean.class, newest);
            if (Boolean.TRUE.equals(done)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * What this node knows about the trail after its last sealing step (V110 explains the
     * reasoning): every id up to {@code sealedThrough} is sealed or never commits; every entry up
     * to {@code high} that was visible when {@code high} was reached is sealed; {@code running}
     * holds each transaction that was still running at one of those looks, with the highest id
     * sealed before it was first seen (its late entries lie above that); entries above
     * {@code rescanFrom} and up to {@code high} are to be looked for again, because a transaction
     * that may have written some has ended. Valid while the sealer's {@code turn} is still
     * {@code turn}: another node's turn starts it afresh from {@code sealed_through}.
     */
    private record Horizon(long turn, long sealedThrough, long high, Map<Long, Long> running, long rescanFrom) {

        static final long NONE = Long.MAX_VALUE;

        static Horizon from(long turn, long sealedThrough) {
            return new Horizon(turn, sealedThrough, sealedThrough, Map.of(), NONE);
        }

        /** The highest id below which nothing is left to seal. */
        long through() {
            long through = Math.min(high, rescanFrom);
            for (long after : running.values()) {
                through = Math.min(through, after);
            }
            return through;
        }
    }

    private record Step(boolean sealed, Horizon horizon) {
    }

    private record SealerState(long lastBlockNo, @Nullable String lastBlockHash, long sealedThrough, long turn) {
    }

    /**
     * Seals one block if there is anything up to {@code assigned} (the highest id the sequence had
     * given when the turn began) to seal; null when another node is sealing.
     */
    private @Nullable Step sealStep(@Nullable Horizon known, long assigned) {
        jdbc.execute("SET LOCAL statement_timeout = '60s'");
        List<SealerState> state = jdbc.query("""
                SELECT last_block_no, last_block_hash, sealed_through, turn FROM audit_sealer FOR UPDATE SKIP LOCKED""",
                (row, n) -> new SealerState(row.getLong(1), row.getString(2), row.getLong(3), row.getLong(4)));
        if (state.isEmpty()) {
            return null;
        }
        SealerState sealer = state.get(0);
        long turn = sealer.turn();
        Horizon was = known != null && known.turn() == turn ? known : Horizon.from(turn, sealer.sealedThrough());
        Map<Long, Long> running = new HashMap<>(was.running());
        long rescanFrom = was.rescanFrom();
        if (!running.isEmpty()) {
            // Transactions seen running that have ended since: entries of theirs may now be visible below high.
            List<Long> ended = jdbc.queryForList("""
                    SELECT x FROM unnest(?::bigint[]) AS x
                     WHERE pg_xact_status(x::text::xid8) IS DISTINCT FROM 'in progress'""", Long.class,
                    (Object) running.keySet().toArray(Long[]::new));
            for (Long xid : ended) {
                Long after = running.remove(xid);
                if (after != null) {
                    rescanFrom = Math.min(rescanFrom, after);
                }
            }
        }
        long high = was.high();
        List<AuditEntry> entries = List.of();
        if (rescanFrom < high) {
            entries = jdbc.query(DUE + " ORDER BY e.id LIMIT ?", (row, n) -> AuditQuery.entry(row), rescanFrom, high, MAX_BLOCK);
        }
        if (!entries.isEmpty()) {
            entries = sameMonth(entries);
            // The look again goes on after this block (a batch cut short by its size or month has more).
            rescanFrom = entries.get(entries.size() - 1).id();
        } else {
            rescanFrom = Horizon.NONE;
            List<Long> seenRunning = new ArrayList<>();
            // The entries above high and the transactions running, read in one statement, so on one snapshot.
            // (The first row carries them.)
            entries = jdbc.query("SELECT CASE WHEN d.n = 1 THEN ARRAY(SELECT x::text::bigint"
                            + " FROM pg_snapshot_xip(pg_current_snapshot()) AS x"
                            + " WHERE x IS DISTINCT FROM pg_current_xact_id_if_assigned()) END AS running, d.*"
                            + " FROM (SELECT row_number() OVER (ORDER BY e.id) AS n, " + DUE.substring("SELECT ".length())
                            + " ORDER BY e.id LIMIT ?) AS d ORDER BY d.id",
                    (row, n) -> {
                        if (n == 0) {
                            seenRunning.addAll(List.of((Long[]) row.getArray("running").getArray()));
                        }
                        return AuditQuery.entry(row);
                    }, high, assigned, MAX_BLOCK);
            if (!entries.isEmpty()) {
                entries = sameMonth(entries);
                for (Long xid : seenRunning) {
                    running.putIfAbsent(xid, high);
                }
                high = entries.get(entries.size() - 1).id();
            }
        }
        Horizon next = new Horizon(turn, was.sealedThrough(), high, running, rescanFrom);
        long through = Math.max(was.sealedThrough(), next.through());
        if (entries.isEmpty() && through == was.sealedThrough()) {
            return new Step(false, next);
        }
        if (!entries.isEmpty()) {
            LedgerBlock block = seal(entries, sealer.lastBlockNo() + 1, sealer.lastBlockHash());
            jdbc.update("UPDATE audit_sealer SET last_block_no = ?, last_block_hash = ?", block.blockNo(), block.blockHash());
        }
        jdbc.update("UPDATE audit_sealer SET sealed_through = ?, turn = turn + 1", through);
        return new Step(!entries.isEmpty(), new Horizon(turn + 1, through, high, running, rescanFrom));
    }

    /** Entries above the first id and up to the second that are not sealed. */
    private static final String DUE = "SELECT " + AuditQuery.E_COLUMNS + " FROM audit_entry e WHERE e.id > ? AND e.id <= ?"
            + " AND NOT EXISTS (SELECT 1 FROM audit_entry_seal s WHERE s.entry_id = e.id)";

    /**
     * The leading entries of one month (UTC): a block seals one month only, because a month's
     * partition and its blocks are archived together, and neither needs the other months to be
     * verified.
     */
    private static List<AuditEntry> sameMonth(List<AuditEntry> entries) {
        java.time.YearMonth month = java.time.YearMonth.from(entries.get(0).occurredAt().atOffset(ZoneOffset.UTC));
        int sameMonth = 1;
        while (sameMonth < entries.size()
                && java.time.YearMonth.from(entries.get(sameMonth).occurredAt().atOffset(ZoneOffset.UTC)).equals(month)) {
            sameMonth++;
        }
        return entries.subList(0, sameMonth);
    }

    /** Seals the entries (in id order) as block {@code blockNo}, after the block with {@code previousHash}. */
    private LedgerBlock seal(List<AuditEntry> entries, long blockNo, @Nullable String previousHash) {
        int count = entries.size();
        Long[] ids = new Long[count];
        Integer[] positions = new Integer[count];
        String[] leafHashes = new String[count];
        String[] times = new String[count];
        List<byte[]> leaves = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] leaf = Ledger.leafHash(entries.get(i));
            leaves.add(leaf);
            ids[i] = entries.get(i).id();
            positions[i] = i;
            leafHashes[i] = Ledger.hex(leaf);
            times[i] = entries.get(i).occurredAt().toString();
        }
        Instant sealedAt = jdbc.queryForObject("SELECT clock_timestamp()", OffsetDateTime.class).toInstant();
        String merkleRoot = Ledger.hex(Ledger.root(leaves));
        String blockHash = LedgerBlock.hash(blockNo, sealedAt, count, ids[0], ids[count - 1], merkleRoot, previousHash);
        LedgerBlock block = new LedgerBlock(blockNo, sealedAt, count, ids[0], ids[count - 1], merkleRoot, previousHash,
                blockHash, keys.sign(LedgerBlock.signedBytes(blockNo, blockHash)), keys.keyId());
        jdbc.update("""
                INSERT INTO audit_block (block_no, sealed_at, entry_count, first_entry_id, last_entry_id, merkle_root,
                                         prev_block_hash, block_hash, signature, key_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", block.blockNo(),
                OffsetDateTime.ofInstant(block.sealedAt(), ZoneOffset.UTC), count, block.firstEntryId(),
                block.lastEntryId(), block.merkleRoot(), block.prevBlockHash(), block.blockHash(), block.signature(),
                block.keyId());
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement seal = connection.prepareStatement("""
                    INSERT INTO audit_entry_seal (entry_id, block_no, position, leaf_hash, occurred_at)
                    SELECT entry_id, ?, position, leaf_hash, occurred_at
                      FROM unnest(?::bigint[], ?::integer[], ?::varchar[], ?::varchar[]::timestamptz[])
                           AS s (entry_id, position, leaf_hash, occurred_at)""")) {
                seal.setLong(1, block.blockNo());
                seal.setArray(2, connection.createArrayOf("bigint", ids));
                seal.setArray(3, connection.createArrayOf("integer", positions));
                seal.setArray(4, connection.createArrayOf("varchar", leafHashes));
                seal.setArray(5, connection.createArrayOf("varchar", times));
                seal.executeUpdate();
            }
            return null;
        });
        jdbc.update("INSERT INTO audit_digest_pending (block_no) VALUES (?)", block.blockNo());
        return block;
    }

    private void publishPending() {
        if (jdbc.queryForList("SELECT 1 FROM audit_sealer FOR UPDATE SKIP LOCKED", Integer.class).isEmpty()) {
            return;
        }
        List<LedgerBlock> pending = jdbc.query("SELECT " + BLOCK_COLUMNS
                + " FROM audit_digest_pending p JOIN audit_block b USING (block_no) ORDER BY block_no", (row, n) -> block(row));
        for (LedgerBlock block : pending) {
            boolean genuine = block.computedHash().equals(block.blockHash())
                    && LedgerKeys.verify(keys.publicKey(), LedgerBlock.signedBytes(block.blockNo(), block.blockHash()),
                    block.signature());
            if (!genuine) {
                // Not a block this ledger's key signed: never vouch for it outside the database.
                log.error("Audit block {} is not signed by this ledger's key; its digest is not stored", block.blockNo());
                return;
            }
            digests.append(block.digest());
            jdbc.update("DELETE FROM audit_digest_pending WHERE block_no = ?", block.blockNo());
        }
    }

    static final String BLOCK_COLUMNS = "block_no, sealed_at, entry_count, first_entry_id, last_entry_id, merkle_root, "
            + "prev_block_hash, block_hash, signature, key_id";

    static LedgerBlock block(ResultSet row) throws SQLException {
        return new LedgerBlock(row.getLong("block_no"), row.getObject("sealed_at", OffsetDateTime.class).toInstant(),
                row.getInt("entry_count"), row.getLong("first_entry_id"), row.getLong("last_entry_id"),
                row.getString("merkle_root"), row.getString("prev_block_hash"), row.getString("block_hash"),
                row.getString("signature"), row.getString("key_id"));
    }

    /**
     * Makes sure the trail has its partitions for this month and the next {@value #MONTHS_AHEAD}
     * (V090; there is no default partition), so no append ever finds none. Waits at most two
     * seconds for its lock on the trail and tries again at the next turn; answers how many it
     * created.
     */
    int preparePartitions() {
        Integer created = transaction.execute(status -> {
            jdbc.execute("SET LOCAL lock_timeout = '2s'");
            return jdbc.queryForObject("SELECT audit_entry_add_months(now(), ?)", Integer.class, MONTHS_AHEAD + 1);
        });
        if (created != null && created > 0) {
            log.info("Audit trail: {} monthly partition(s) created ahead", created);
        }
        partitionsPrepared = System.nanoTime();
        return created == null ? 0 : created;
    }

    private void preparePartitionsWhenDue() {
        if (System.nanoTime() - partitionsPrepared < PARTITION_CHECK.toNanos()) {
            return;
        }
        try {
            preparePartitions();
            partitionFailureLogged = false;
        } catch (RuntimeException e) {
            // The months ahead leave weeks to fix this; say so loudly every time it is tried.
            log.error("Audit trail: cannot create the monthly partitions ahead ({}); appends fail once the last "
                    + "prepared month ends", e.getMessage(), partitionFailureLogged ? null : e);
            partitionFailureLogged = true;
            partitionsPrepared = System.nanoTime() - PARTITION_CHECK.toNanos() + Duration.ofMinutes(1).toNanos();
        }
    }

    /** Stops or restarts this node's scheduled turns (explicit calls still seal), e.g. while an operator inspects the ledger. */
    void pause(boolean pause) {
        this.paused = pause;
    }

    private void turn() {
        if (paused) {
            return;
        }
        preparePartitionsWhenDue();
        try {
            sealPending();
            if (failing) {
                log.info("Audit sealer works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Audit sealer cannot seal now; it tries again every {}: {}", interval, e.getMessage(), e);
                failing = true;
            }
        }
    }

    @Override
    public synchronized void start() {
        thread = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread sealer = new Thread(work, "audit-sealer");
            sealer.setDaemon(true);
            return sealer;
        });
        thread.scheduleWithFixedDelay(this::turn, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (thread != null) {
            thread.shutdownNow();
            try {
                thread.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        owner.close();
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }
}
