package com.closureconsole.audit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 * Appends entries to the trail. An append is one insert and takes no lock: it names only the
 * columns that say what happened, the only ones the application's role may write (V112): the
 * details as written and, parsed from the same text, as jsonb (a check holds them equal, V113);
 * the database gives the entry its time and its id (the columns' defaults, the id after the
 * writer's transaction id), and the {@link AuditSealer} finds the entry once it has committed, so
 * what the caller sends is only what happened, never where it goes in the ledger. Unrelated
 * actions never wait for each other's entries. Committed appends are
 * counted by action in the metric {@value #APPENDS}.
 */
@Component
class AuditLog {

    static final String APPENDS = "closure.audit.appends";
    private static final String INSERT = """
            INSERT INTO audit_entry (actor, actor_role, client_address, action, account_id, outcome,
                                     details_text, details, correlation_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)
            RETURNING id
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate joinOrStart;
    private final TransactionTemplate separate;
    private final MeterRegistry meters;
    private final Map<AuditAction, Counter> counters = new ConcurrentHashMap<>();

    AuditLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.meters = meters;
        this.joinOrStart = new TransactionTemplate(transactions);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records an action in the caller's transaction, so it commits or rolls back with the action;
     * in a transaction of its own when there is none. A read-only transaction cannot write: there
     * the entry is committed on its own (a read changes nothing that could be rolled back).
     */
    long record(AuditEvent event, Actor actor) {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return separate.execute(status -> append(event, actor));
        }
        return joinOrStart.execute(status -> append(event, actor));
    }

    /** Records a refusal (denied access, failed sign-in) so that it stays even when the refused caller's transaction rolls back. */
    long recordRefusal(AuditEvent event, Actor actor) {
        return separate.execute(status -> append(event, actor));
    }

    private long append(AuditEvent event, Actor actor) {
        String details = AuditDetailsJson.write(event.details());
        Long id = jdbc.queryForObject(INSERT, Long.class, actor.name(), actor.role(), actor.clientAddress(),
                event.action().name(), event.accountId(), event.outcome().name(), details, details,
                event.correlationId());
        countOnCommit(event.action());
        return id;
    }

    private void countOnCommit(AuditAction action) {
        // Looked up once per action, not built and registered again on every append.
        Counter appends = counters.computeIfAbsent(action, a -> Counter.builder(APPENDS)
                .description("Audit entries appended to the trail (committed), by action")
                .tag("action", a.name()).register(meters));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                appends.increment();
            }
        });
    }
}
