package com.closureconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.closureconsole.ConsoleTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A trail chained in the format from before the ledger (V010) is brought under the ledger by the
 * migration without a single entry rewritten: the first blocks seal the old entries as they are,
 * and the old chain is still checked. Runs on a database of its own, migrated step by step.
 */
@ConsoleTest
class LegacyChainCarryOverTest {

    @Autowired
    EmbeddedPostgres postgres;

    String database;
    DataSource owner;
    JdbcTemplate jdbc;
    AuditSealer sealer;
    LedgerVerifier verifier;
    List<Long> legacyIds = new ArrayList<>();
    List<String> legacyHashes = new ArrayList<>();

    @BeforeEach
    void anOldTrailMigratedToTheLedger(@TempDir Path folder) {
        database = "legacy_" + UUID.randomUUID().toString().replace("-", "");
        new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE " + database);
        owner = postgres.getDatabase("postgres", database);
        jdbc = new JdbcTemplate(owner);
        Flyway.configure().dataSource(owner).locations("classpath:db/migration").target("30")
                .placeholders(Map.of("appUser", "", "appPassword", "")).load().migrate();
        String previous = null;
        for (int i = 0; i < 3; i++) {
            long id = jdbc.queryForObject("SELECT nextval(pg_get_serial_sequence('audit_entry', 'id'))", Long.class);
            Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            String details = "{\"step\":" + i + "}";
            ChainedEntry entry = new ChainedEntry(id, at, "agent1", "AGENT", "10.0.0.1", "ACCOUNT_VIEW", "2088000000000001",
                    "SUCCESS", details, null, previous);
            jdbc.update("""
                    INSERT INTO audit_entry (id, occurred_at, actor, actor_role, client_address, action, account_id, outcome,
                                             details, details_text, correlation_id, prev_hash, hash)
                    OVERRIDING SYSTEM VALUE VALUES (?, ?, 'agent1', 'AGENT', '10.0.0.1', 'ACCOUNT_VIEW', '2088000000000001',
                                                    'SUCCESS', CAST(? AS jsonb), ?, NULL, ?, ?)""",
                    id, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), details, details, previous, entry.hash());
            previous = entry.hash();
            legacyIds.add(id);
            legacyHashes.add(entry.hash());
        }
        Flyway.configure().dataSource(owner).locations("classpath:db/migration")
                .placeholders(Map.of("appUser", "", "appPassword", "")).load().migrate();

        LedgerKeys keys = LedgerKeys.generatedIn(folder);
        DigestStore digests = new FileDigestStore(folder.resolve("digests"));
        sealer = new AuditSealer(new DefaultListableBeanFactory().getBeanProvider(Flyway.class), owner, keys, digests,
                Duration.ofHours(1));
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(owner);
        verifier = new LedgerVerifier(jdbc, transactions, new ChainVerifier(jdbc, transactions), keys, digests, sealer, 2);
    }

    @AfterEach
    void dropIt() {
        sealer.stop();
        new JdbcTemplate(postgres.getPostgresDatabase()).execute("DROP DATABASE " + database + " WITH (FORCE)");
    }

    @Test
    void old_entries_are_sealed_as_they_are_beside_new_ones_and_both_verify() {
        assertThat(jdbc.queryForList("SELECT entry_id FROM audit_unsealed ORDER BY entry_id", Long.class))
                .containsExactlyElementsOf(legacyIds);
        long fresh = jdbc.queryForObject("""
                INSERT INTO audit_entry (actor, action, outcome, details_text, details)
                VALUES ('agent2', 'SIGN_IN', 'SUCCESS', '{}', '{}') RETURNING id""", Long.class);
        assertThat(fresh).isGreaterThan(legacyIds.get(2));

        assertThat(sealer.sealCommitted(Duration.ofSeconds(10))).isTrue();

        assertThat(jdbc.queryForList("SELECT hash FROM audit_entry WHERE id = ANY (?) ORDER BY id", String.class,
                (Object) legacyIds.toArray(Long[]::new))).as("not rewritten").containsExactlyElementsOf(legacyHashes);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry_seal WHERE block_no = 1", Integer.class)).isEqualTo(4);
        assertThat(jdbc.queryForList("SELECT DISTINCT tableoid::regclass::text FROM audit_entry WHERE id = ANY (?)",
                String.class, (Object) legacyIds.toArray(Long[]::new)))
                .as("the table from before partitioning is a partition as it was").containsExactly("audit_entry_before_partitioning");
        assertThat(jdbc.queryForObject("SELECT pg_get_expr(relpartbound, oid) FROM pg_class"
                + " WHERE relname = 'audit_entry_before_partitioning'", String.class)).startsWith("FOR VALUES FROM (MINVALUE) TO (");
        LedgerReport report = verifier.verify(null, null, new AuditJob<>());
        assertThat(report.intact()).as("%s", report.finding()).isTrue();
        assertThat(report.entriesChecked()).isEqualTo(4);
    }

    @Test
    void tampering_with_an_old_entry_is_named_by_the_old_chain() {
        assertThat(sealer.sealCommitted(Duration.ofSeconds(10))).isTrue();
        new JdbcTemplate(owner).execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("SET session_replication_role = replica");
                statement.execute("UPDATE audit_entry SET actor = 'mallory' WHERE id = " + legacyIds.get(1));
            }
            return null;
        });
        LedgerReport report = verifier.verify(null, null, new AuditJob<>());
        assertThat(report.finding()).isEqualTo(new LedgerReport.Finding(LedgerReport.Problem.LEGACY_CONTENT_CHANGED,
                legacyIds.get(1), null));
    }
}
