package com.closureconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.closureconsole.ConsoleTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trail is partitioned by month (V090): this month and the next three are always ready, an
 * append lands in its month's partition, the application role reaches partitions only through the
 * trail itself, and no partition can be emptied or changed directly.
 */
@ConsoleTest
class AuditPartitionTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditLog log;
    @Autowired
    AuditSealer sealer;
    @Autowired
    EmbeddedPostgres postgres;

    static String partition(YearMonth month) {
        return String.format("audit_entry_%04d_%02d", month.getYear(), month.getMonthValue());
    }

    @Test
    void the_trail_is_partitioned_by_month_and_this_month_and_the_next_three_are_ready() {
        assertThat(jdbc.queryForMap("""
                SELECT p.partstrat::text AS strategy, a.attname AS key FROM pg_partitioned_table p
                  JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
                 WHERE p.partrelid = 'audit_entry'::regclass""")).isEqualTo(Map.of("strategy", "r", "key", "occurred_at"));
        List<String> partitions = jdbc.queryForList(
                "SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = 'audit_entry'::regclass", String.class);
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        for (int ahead = 0; ahead <= AuditSealer.MONTHS_AHEAD; ahead++) {
            assertThat(partitions).contains(partition(now.plusMonths(ahead)));
        }
        assertThat(sealer.preparePartitions()).as("nothing missing, nothing made twice").isZero();

        long id = AuditFixtures.write(log, "supervisor1", SignInAction.SIGN_IN, null, AuditOutcome.SUCCESS, Map.of(), null);
        assertThat(jdbc.queryForObject("SELECT tableoid::regclass::text FROM audit_entry WHERE id = ?", String.class, id))
                .isIn(partition(now), partition(now.plusMonths(1)));
    }

    @Test
    void a_month_made_ahead_is_attached_with_its_guard_and_without_rights_of_the_application_role() {
        YearMonth later = YearMonth.now(ZoneOffset.UTC).plusMonths(AuditSealer.MONTHS_AHEAD + 2);
        JdbcTemplate superuser = new JdbcTemplate(postgres.getPostgresDatabase());
        superuser.queryForObject("SELECT audit_entry_add_months(?::timestamptz, 1)", Integer.class,
                later.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        String name = partition(later);

        assertThat(superuser.queryForObject("SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = ?",
                String.class, name)).startsWith("FOR VALUES FROM (").contains(String.valueOf(later.getYear()));
        assertThat(superuser.queryForList("SELECT tgname FROM pg_trigger WHERE tgrelid = ?::regclass ORDER BY tgname",
                String.class, name)).contains("audit_entry_no_update_delete", "audit_entry_no_truncate");
        assertThat(superuser.queryForList("SELECT conname FROM pg_constraint WHERE conrelid = ?::regclass AND contype = 'c'",
                String.class, name)).contains("audit_entry_details_as_written");
        String app = jdbc.queryForObject("SELECT current_user", String.class);
        for (String privilege : List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE")) {
            assertThat(superuser.queryForObject("SELECT has_table_privilege(?, ?, ?)", Boolean.class, app, name, privilege))
                    .as(privilege).isFalse();
        }
        assertThat(superuser.queryForObject("SELECT audit_entry_add_months(?::timestamptz, 1)", Integer.class,
                later.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC))).as("made once").isZero();
    }

    @Test
    void the_application_role_reads_and_appends_only_through_the_trail() {
        String current = partition(YearMonth.now(ZoneOffset.UTC));
        for (String sql : List.of("SELECT count(*) FROM " + current,
                "INSERT INTO " + current + " (actor, action, outcome, details_text, details) VALUES ('mallory', 'SIGN_IN', 'SUCCESS', '{}', '{}')",
                "DELETE FROM " + current, "TRUNCATE " + current)) {
            assertThatThrownBy(() -> jdbc.execute(sql)).as(sql).isInstanceOf(DataAccessException.class)
                    .hasStackTraceContaining("permission denied for table " + current);
        }
    }

    @Test
    void a_block_never_mixes_months_so_a_month_is_archived_with_blocks_of_its_own(@TempDir Path folder) {
        String database = "months_" + UUID.randomUUID().toString().replace("-", "");
        JdbcTemplate server = new JdbcTemplate(postgres.getPostgresDatabase());
        server.execute("CREATE DATABASE " + database);
        DataSource owner = postgres.getDatabase("postgres", database);
        AuditSealer own = null;
        try {
            Flyway.configure().dataSource(owner).locations("classpath:db/migration")
                    .placeholders(Map.of("appUser", "", "appPassword", "")).load().migrate();
            JdbcTemplate db = new JdbcTemplate(owner);
            YearMonth now = YearMonth.now(ZoneOffset.UTC);
            db.queryForObject("SELECT audit_entry_add_months(?::timestamptz, 1)", Integer.class,
                    now.minusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC));
            // Six entries around the turn of the month, ids not in time order at the turn (as concurrent
            // appends can commit), written as the console appends, with the times of the past.
            OffsetDateTime turn = now.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
            long[] offsetsMillis = {-3000, -2000, 1000, -1000, 2000, 3000};
            new TransactionTemplate(new DataSourceTransactionManager(owner)).executeWithoutResult(status -> {
                db.execute("SET LOCAL session_replication_role = replica");
                for (int i = 0; i < offsetsMillis.length; i++) {
                    long id = db.queryForObject("SELECT nextval('audit_entry_id_seq')", Long.class);
                    OffsetDateTime at = turn.plusNanos(offsetsMillis[i] * 1_000_000);
                    db.update("""
                            INSERT INTO audit_entry (id, occurred_at, actor, action, outcome, details, details_text)
                            VALUES (?, ?, 'agent1', 'SIGN_IN', 'SUCCESS', '{}', '{}')""", id, at);
                }
            });
            own = new AuditSealer(new DefaultListableBeanFactory().getBeanProvider(Flyway.class), owner,
                    LedgerKeys.generatedIn(folder), new FileDigestStore(folder.resolve("digests")), Duration.ofHours(1));
            assertThat(own.sealCommitted(Duration.ofSeconds(10))).isTrue();

            assertThat(db.queryForList("""
                    SELECT s.block_no FROM audit_entry_seal s JOIN audit_entry e ON e.id = s.entry_id
                     GROUP BY s.block_no HAVING count(DISTINCT e.tableoid) > 1""", Long.class))
                    .as("blocks with entries of two partitions").isEmpty();
            assertThat(db.queryForObject("SELECT count(*) FROM audit_block", Integer.class))
                    .as("before the turn, after, the late one before it, after again").isEqualTo(4);
        } finally {
            if (own != null) {
                own.stop();
            }
            server.execute("DROP DATABASE " + database + " WITH (FORCE)");
        }
    }

    @Test
    void not_even_the_superuser_empties_or_changes_a_partition_directly() {
        long id = AuditFixtures.write(log, "supervisor1", SignInAction.SIGN_IN, null, AuditOutcome.SUCCESS, Map.of(), null);
        String current = jdbc.queryForObject("SELECT tableoid::regclass::text FROM audit_entry WHERE id = ?", String.class, id);
        var superuserSource = postgres.getPostgresDatabase();
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(superuserSource));
        JdbcTemplate superuser = new JdbcTemplate(superuserSource);
        for (String sql : List.of("TRUNCATE " + current, "DELETE FROM " + current + " WHERE id = " + id,
                "UPDATE " + current + " SET actor = 'mallory' WHERE id = " + id)) {
            // Rolled back whatever happens, so a failing guard cannot take the other tests' entries with it.
            assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                status.setRollbackOnly();
                superuser.execute(sql);
            })).as(sql).hasMessageContaining("audit entries are append-only");
        }
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_entry WHERE id = ?", String.class, id)).isEqualTo("supervisor1");
    }
}
