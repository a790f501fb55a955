package com.closureconsole.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends entries to the trail, each chained to the one before by its hash.
 *
 * <p>Appends are serialised by a transaction-scoped advisory lock taken before the head of the
 * chain is read, so concurrent writers queue up instead of forking the chain; the lock is held
 * until the writer's transaction ends. Publishers should therefore publish their audit event late
 * in their transaction. The database's insert trigger refuses any entry that does not link to the
 * current head, whatever the application does. Committed appends are counted by action in the
 * metric {@value #APPENDS}.
 */
@Component
class AuditLog {

    /** The advisory lock key of the chain ("audit" in ASCII). */
    static final long CHAIN_LOCK = 0x6175646974L;
    static final String APPENDS = "closure.audit.appends";
    private static final Object HOLDS_CHAIN_LOCK = new Object();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate joinOrStart;
    private final TransactionTemplate separate;
    private final MeterRegistry meters;

    AuditLog(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.joinOrStart = new TransactionTemplate(transactions);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.meters = meters;
    }

    /**
     * Records an action in the caller's transaction, so it commits or rolls back with the action;
     * in a transaction of its own when there is none. A read-only transaction cannot write: there
     * the entry is committed on its own (a read changes nothing that could be rolled back).
     */
    long record(AuditEvent event, Actor actor) {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return inSeparateTransaction(event, actor);
        }
        return joinOrStart.execute(status -> append(event, actor));
    }

    /**
     * Records a refusal (denied access, failed sign-in) so that it stays even when the refused
     * caller's transaction rolls back. Only when this transaction already holds the chain, a
     * separate one would wait for it forever; then the entry joins it.
     */
    long recordRefusal(AuditEvent event, Actor actor) {
        if (TransactionSynchronizationManager.hasResource(HOLDS_CHAIN_LOCK)) {
            return append(event, actor);
        }
        return inSeparateTransaction(event, actor);
    }

    private long inSeparateTransaction(AuditEvent event, Actor actor) {
        return separate.execute(status -> {
            // Never wait forever for the chain while the caller's own transaction waits for us.
            jdbc.execute("SET LOCAL lock_timeout = '10s'");
            return append(event, actor);
        });
    }

    private long append(AuditEvent event, Actor actor) {
        lockChain();
        String prevHash = jdbc.queryForObject("SELECT last_hash FROM audit_chain_head", String.class);
        Long id = jdbc.queryForObject("SELECT nextval(pg_get_serial_sequence('audit_entry', 'id'))", Long.class);
        ChainedEntry entry = new ChainedEntry(id, clock.instant(), actor.name(), actor.role(), actor.clientAddress(),
                event.action().name(), event.accountId(), event.outcome().name(),
                AuditDetailsJson.write(event.details()), event.correlationId(), prevHash);
        jdbc.update("""
                INSERT INTO audit_entry (id, occurred_at, actor, actor_role, client_address, action, account_id,
                                         outcome, details, details_text, correlation_id, prev_hash, hash)
                OVERRIDING SYSTEM VALUE
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?)
                """,
                entry.id(), OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC), entry.actor(),
                entry.actorRole(), entry.clientAddress(), entry.action(), entry.accountId(), entry.outcome(),
                entry.detailsText(), entry.detailsText(), entry.correlationId(), entry.prevHash(), entry.hash());
        countOnCommit(event.action());
        return id;
    }

    private void countOnCommit(AuditAction action) {
        Counter appends = Counter.builder(APPENDS).description("Audit entries appended to the trail (committed), by action")
                .tag("action", action.name()).register(meters);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                appends.increment();
            }
        });
    }

    /** Takes the chain's lock for the rest of this transaction and remembers that it holds it. */
    private void lockChain() {
        if (TransactionSynchronizationManager.hasResource(HOLDS_CHAIN_LOCK)) {
            return;
        }
        jdbc.queryForObject("SELECT 1 FROM pg_advisory_xact_lock(?)", Integer.class, CHAIN_LOCK);
        TransactionSynchronizationManager.bindResource(HOLDS_CHAIN_LOCK, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResource(HOLDS_CHAIN_LOCK);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(HOLDS_CHAIN_LOCK, Boolean.TRUE);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(HOLDS_CHAIN_LOCK);
            }
        });
    }
}
