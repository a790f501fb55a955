/**
 * The audit trail: every action of an agent or supervisor becomes one append-only entry, written in
 * the same transaction as the action. The module offers a small recording API and does not know the
 * other modules' actions: each module publishes its own past-tense events (as Spring application
 * events) that implement {@link com.closureconsole.audit.Audited}, naming the action in an enum of
 * its own that implements {@link com.closureconsole.audit.AuditAction}; the {@code AuditRecorder}
 * writes each one synchronously, in the publisher's transaction (a rolled-back action leaves none),
 * and one that implements {@link com.closureconsole.audit.AttemptRefused} in a transaction of its
 * own, so refusals are kept even when the refused caller's transaction rolls back. Sign-ins, their
 * failures, sign-outs, ends of sessions and denials are taken from Spring Security's events and the
 * security module's ({@link com.closureconsole.audit.SignInAction}). Details are masked with the
 * console's one policy ({@link com.closureconsole.shared.Masking}) as a last net.
 *
 * <p>Recording takes no lock: the database gives each entry its id and time, and the
 * sealer ({@code AuditSealer}, one at a time across nodes) seals committed entries into signed
 * Merkle blocks whose digests leave the database ({@code DigestStore}). Entries written before the
 * ledger keep their SHA-256 chain ({@code ChainedEntry}), which is still checked. The application's
 * database role may only read and append entries.
 *
 * <p><b>Owns</b> the trail ({@code audit_entry}), its ledger (blocks, leaves, the sealer's state)
 * and the digests kept outside the database. <b>API:</b> {@link com.closureconsole.audit.Audited},
 * {@link com.closureconsole.audit.AuditAction}, {@link com.closureconsole.audit.AttemptRefused} and
 * {@link com.closureconsole.audit.AuditOutcome} for recording; for supervisors
 * {@link com.closureconsole.audit.AuditTrail}, {@link com.closureconsole.audit.AuditExport},
 * {@link com.closureconsole.audit.AuditIntegrity} and {@link com.closureconsole.audit.EvidenceBundles}
 * (all check the role); {@link com.closureconsole.audit.DigestStore} for another digest store; the
 * offline {@link com.closureconsole.audit.EvidenceBundleVerifier}. <b>Uses</b> {@code security}
 * (who acts, and its sign-in events) and {@code shared}; <b>used by</b> every module that records,
 * and {@code ui}. It knows none of the modules whose facts it records.
 */
@NullMarked
package com.closureconsole.audit;

import org.jspecify.annotations.NullMarked;
