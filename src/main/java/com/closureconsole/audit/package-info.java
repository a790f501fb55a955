/**
 * The audit trail: every action of an agent or supervisor becomes one append-only, hash-chained
 * entry, written in the same transaction as the action. Other modules publish an
 * {@link com.closureconsole.audit.AuditEvent} as a Spring application event; sign-ins and their
 * failures are taken from Spring Security's own events.
 *
 * <p>Entries are chained by SHA-256 hashes ({@code ChainedEntry}); appending takes the chain's
 * lock until the writer's transaction ends, so publish the event late in the action's transaction.
 * Refusals (outcome {@code DENIED}, failed sign-ins) are kept even when the refused caller's
 * transaction rolls back. Supervisors read the trail through {@link com.closureconsole.audit.AuditTrail},
 * export it with {@link com.closureconsole.audit.AuditExport} and verify it with
 * {@link com.closureconsole.audit.AuditIntegrity}; the application's database role may only read and
 * append entries.
 */
@NullMarked
package com.closureconsole.audit;

import org.jspecify.annotations.NullMarked;
