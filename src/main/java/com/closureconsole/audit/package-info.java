/**
 * The audit trail: every action of an agent or supervisor becomes one append-only entry, written in
 * the same transaction as the action (a rolled-back action leaves none). Other modules publish an
 * {@link com.closureconsole.audit.AuditEvent} as a Spring application event; sign-ins and their
 * failures are taken from Spring Security's own events. Refusals (outcome {@code DENIED}, failed
 * sign-ins) published as {@link com.closureconsole.audit.AttemptRefused} are kept even when the
 * refused caller's transaction rolls back.
 *
 * <p>Recording takes no lock: the database gives each entry its id and time and queues it, and the
 * sealer ({@code AuditSealer}, one at a time across nodes) seals committed entries into signed
 * Merkle blocks whose digests leave the database ({@code DigestStore}). Entries written before the
 * ledger keep their SHA-256 chain ({@code ChainedEntry}), which is still checked. The application's
 * database role may only read and append entries.
 *
 * <p><b>Owns</b> the trail ({@code audit_entry}), its ledger (blocks, leaves, the sealer's queue)
 * and the digests kept outside the database. <b>API:</b> {@link com.closureconsole.audit.AuditEvent},
 * {@link com.closureconsole.audit.AttemptRefused} and their vocabulary for recording; for
 * supervisors {@link com.closureconsole.audit.AuditTrail}, {@link com.closureconsole.audit.AuditExport},
 * {@link com.closureconsole.audit.AuditIntegrity} and {@link com.closureconsole.audit.EvidenceBundles}
 * (all check the role); {@link com.closureconsole.audit.DigestStore} for another digest store; the
 * offline {@link com.closureconsole.audit.EvidenceBundleVerifier}. <b>Uses</b> {@code security}
 * (who acts); <b>used by</b> every module that records, and {@code ui}.
 */
@NullMarked
package com.closureconsole.audit;

import org.jspecify.annotations.NullMarked;
