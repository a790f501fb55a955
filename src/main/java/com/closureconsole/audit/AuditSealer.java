package com.closureconsole.audit;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
 * role may read the ledger but cannot write a block, lock the sealer's row or touch the queue, so
 * it can neither forge a block nor hold the sealer up. One sealer at a time across all nodes: each
 * block is sealed in one short transaction that first locks the row of {@code audit_sealer}
 * ({@code SKIP LOCKED}: a node that finds it taken simply tries again at its next turn). That
 * transaction takes the oldest queued entries in id order (queue rows commit with their entries,
 * so an entry that commits after a higher id is sealed by a later block, exactly once), computes
 * their leaf hashes and Merkle root, chains the block to the one before, signs its digest and
 * removes the entries from the queue. A node that dies midway leaves the transaction rolled back
 * and the entries queued. After the commit the block's digest goes to the {@link DigestStore}; a
 * digest not yet stored is remembered in {@code audit_digest_pending} and stored by the next turn
 * of any node.
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

    /** Seals what is queued and stores pending digests; answers how many blocks this node sealed. */
    int sealPending() {
        synchronized (sealing) {
            int sealed = 0;
            while (sealed < MAX_BLOCKS_PER_TURN && Boolean.TRUE.equals(transaction.execute(status -> sealOneBlock()))) {
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
                    SELECT NOT EXISTS (SELECT 1 FROM audit_unsealed u
                                          JOIN audit_entry e ON e.id = u.entry_id AND e.occurred_at = u.occurred_at
                                        WHERE u.entry_id <= ?)
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

    /** True: one block sealed; false: nothing queued; null: another node is sealing. */
    private @Nullable Boolean sealOneBlock() {
        jdbc.execute("SET LOCAL statement_timeout = '60s'");
        List<Object[]> state = jdbc.query("SELECT last_block_no, last_block_hash FROM audit_sealer FOR UPDATE SKIP LOCKED",
                (row, n) -> new Object[] {row.getLong(1), row.getString(2)});
        if (state.isEmpty()) {
            return null;
        }
        long previousNo = (Long) state.get(0)[0];
        String previousHash = (String) state.get(0)[1];
        // The oldest queued ids, then their entries in one index scan of the months they span.
        List<AuditEntry> entries = jdbc.query("WITH queued AS MATERIALIZED ("
                        + "SELECT entry_id, occurred_at FROM audit_unsealed ORDER BY entry_id LIMIT ?)"
                        + " SELECT " + AuditQuery.E_COLUMNS + " FROM audit_entry e"
                        + " WHERE e.id = ANY (ARRAY(SELECT entry_id FROM queued))"
                        + " AND e.occurred_at >= (SELECT min(occurred_at) FROM queued)"
                        + " AND e.occurred_at <= (SELECT max(occurred_at) FROM queued) ORDER BY e.id",
                (row, n) -> AuditQuery.entry(row), MAX_BLOCK);
        if (entries.isEmpty()) {
            return false;
        }
        // A block seals the entries of one month (UTC) only: a month's partition and its blocks are
        // archived together, and neither needs the other months to be verified.
        java.time.YearMonth month = java.time.YearMonth.from(entries.get(0).occurredAt().atOffset(ZoneOffset.UTC));
        int sameMonth = 1;
        while (sameMonth < entries.size()
                && java.time.YearMonth.from(entries.get(sameMonth).occurredAt().atOffset(ZoneOffset.UTC)).equals(month)) {
            sameMonth++;
        }
        entries = entries.subList(0, sameMonth);
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
        long blockNo = previousNo + 1;
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
            Array idArray = connection.createArrayOf("bigint", ids);
            try (PreparedStatement seal = connection.prepareStatement("""
                    INSERT INTO audit_entry_seal (entry_id, block_no, position, leaf_hash, occurred_at)
                    SELECT entry_id, ?, position, leaf_hash, occurred_at
                      FROM unnest(?::bigint[], ?::integer[], ?::varchar[], ?::varchar[]::timestamptz[])
                           AS s (entry_id, position, leaf_hash, occurred_at)""");
                 PreparedStatement dequeue = connection.prepareStatement(
                         "DELETE FROM audit_unsealed WHERE entry_id = ANY (?)")) {
                seal.setLong(1, block.blockNo());
                seal.setArray(2, idArray);
                seal.setArray(3, connection.createArrayOf("integer", positions));
                seal.setArray(4, connection.createArrayOf("varchar", leafHashes));
                seal.setArray(5, connection.createArrayOf("varchar", times));
                seal.executeUpdate();
                dequeue.setArray(1, idArray);
                dequeue.executeUpdate();
            }
            return null;
        });
        jdbc.update("UPDATE audit_sealer SET last_block_no = ?, last_block_hash = ?", block.blockNo(), block.blockHash());
        jdbc.update("INSERT INTO audit_digest_pending (block_no) VALUES (?)", block.blockNo());
        return true;
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
