package com.closureconsole.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Helpers shared by the audit tests: fresh account ids, entries to work on, the superuser. */
final class AuditFixtures {

    private AuditFixtures() {
    }

    /** A 16-digit account id no other test uses (the trail does not require the account to exist). */
    static String newAccountId() {
        return "20889" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Writes one committed entry as {@code actor}, answering its id. */
    static long write(AuditLog log, String actor, AuditAction action, String accountId, AuditOutcome outcome,
                      Map<String, Object> details, UUID correlationId) {
        return log.record(new AuditEvent(action, accountId, outcome, details, correlationId),
                new Actor(actor, "SUPERVISOR", "127.0.0.1"));
    }

    static <R> R await(AuditJob<R> job) {
        try {
            return job.result().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("audit job did not finish", e);
        }
    }

    /** One stored entry, every column, read by the superuser so it can be put back exactly. */
    record StoredRow(long id, OffsetDateTime occurredAt, String actor, String actorRole, String clientAddress,
                     String action, String accountId, String outcome, String details, String detailsText,
                     UUID correlationId, String prevHash, String hash) {
    }

    /**
     * The embedded cluster's superuser: it can switch the triggers off and tamper with the trail,
     * as an attacker with the owner's keys would.
     */
    static final class Superuser {

        private final DataSource postgres;

        Superuser(EmbeddedPostgres embedded) {
            this.postgres = embedded.getPostgresDatabase();
        }

        StoredRow row(long id) {
            return new JdbcTemplate(postgres).queryForObject("""
                    SELECT id, occurred_at, actor, actor_role, client_address, action, account_id, outcome,
                           details::text AS details, details_text, correlation_id, prev_hash, hash
                      FROM audit_entry WHERE id = ?""", (rs, n) -> new StoredRow(rs.getLong("id"),
                    rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"),
                    rs.getString("actor_role"), rs.getString("client_address"), rs.getString("action"),
                    rs.getString("account_id"), rs.getString("outcome"), rs.getString("details"),
                    rs.getString("details_text"), rs.getObject("correlation_id", UUID.class),
                    rs.getString("prev_hash"), rs.getString("hash")), id);
        }

        /** Runs statements with every trigger off, as one committed transaction. */
        void tamper(String sql, Object... parameters) {
            withTriggersOff(jdbc -> jdbc.update(sql, parameters));
        }

        /** Puts rows back exactly as they were read. */
        void restore(List<StoredRow> rows) {
            withTriggersOff(jdbc -> {
                for (StoredRow row : rows) {
                    jdbc.update("DELETE FROM audit_entry WHERE id = ?", row.id());
                    jdbc.update("""
                            INSERT INTO audit_entry (id, occurred_at, actor, actor_role, client_address, action,
                                account_id, outcome, details, details_text, correlation_id, prev_hash, hash)
                            OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?)""",
                            row.id(), row.occurredAt(), row.actor(), row.actorRole(), row.clientAddress(),
                            row.action(), row.accountId(), row.outcome(), row.details(), row.detailsText(),
                            row.correlationId(), row.prevHash(), row.hash());
                }
                return 0;
            });
        }

        JdbcTemplate jdbc() {
            return new JdbcTemplate(postgres);
        }

        /** The tables of the ledger, copied aside as a backup would hold them. */
        static final List<String> LEDGER_TABLES = List.of("audit_entry", "audit_block",
                "audit_entry_seal", "audit_sealer", "audit_digest_pending", "audit_chain_head");

        /** Copies every ledger table aside (as {@code tamper_copy.<table>}), replacing an earlier copy. */
        void copyLedger() {
            withTriggersOff(jdbc -> {
                jdbc.execute("DROP SCHEMA IF EXISTS tamper_copy CASCADE");
                jdbc.execute("CREATE SCHEMA tamper_copy");
                for (String table : LEDGER_TABLES) {
                    jdbc.execute("CREATE TABLE tamper_copy." + table + " AS SELECT * FROM " + table);
                }
                return 0;
            });
        }

        /** Puts every ledger table back as {@link #copyLedger} found it, as restoring an older backup does. */
        void restoreLedger() {
            withTriggersOff(jdbc -> {
                // The sealer's state first, as the sealer takes it: a sealing turn still running
                // finishes before the restore, and a new one waits for it, instead of a deadlock.
                jdbc.execute("LOCK TABLE audit_sealer, " + String.join(", ", LEDGER_TABLES.stream()
                        .filter(table -> !table.equals("audit_sealer")).toList()) + " IN ACCESS EXCLUSIVE MODE");
                for (String table : LEDGER_TABLES) {
                    jdbc.execute("DELETE FROM " + table);
                }
                // As a restore does, the rows go back as they were, unchecked; then the check of new
                // entries' details is in place again, whether a tampering dropped it or not.
                jdbc.execute("ALTER TABLE audit_entry DROP CONSTRAINT IF EXISTS " + DETAILS_CHECK);
                for (String table : LEDGER_TABLES) {
                    jdbc.execute("INSERT INTO " + table + " SELECT * FROM tamper_copy." + table);
                }
                jdbc.execute("ALTER TABLE audit_entry ADD CONSTRAINT " + DETAILS_CHECK
                        + " CHECK (details = details_text::jsonb) NOT VALID");
                return 0;
            });
        }

        /** The check that an entry's jsonb details are its details as written (V113). */
        static final String DETAILS_CHECK = "audit_entry_details_as_written";

        /** Runs statements with every trigger off, as one committed transaction. */
        void tamper(java.util.function.Consumer<JdbcTemplate> work) {
            withTriggersOff(jdbc -> {
                work.accept(jdbc);
                return 0;
            });
        }

        private void withTriggersOff(java.util.function.ToIntFunction<JdbcTemplate> work) {
            try (Connection connection = postgres.getConnection()) {
                connection.setAutoCommit(false);
                JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
                jdbc.execute("SET LOCAL session_replication_role = replica");
                work.applyAsInt(jdbc);
                connection.commit();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
