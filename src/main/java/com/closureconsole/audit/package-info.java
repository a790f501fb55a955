/**
 * The audit trail: every action of an agent or supervisor becomes one append-only, hash-chained
 * entry, written in the same transaction as the action. The module offers a small recording API
 * and does not know the other modules' actions: each module publishes its own past-tense events
 * (as Spring application events) that implement {@link com.closureconsole.audit.Audited}, naming
 * the action in an enum of its own that implements {@link com.closureconsole.audit.AuditAction};
 * the {@code AuditRecorder} writes each one synchronously, in the publisher's transaction, and one
 * that implements {@link com.closureconsole.audit.AttemptRefused} in a transaction of its own.
 * Sign-ins, their failures, sign-outs, ends of sessions and denials are taken from Spring
 * Security's events and the security module's ({@link com.closureconsole.audit.SignInAction}).
 *
 * <p>Entries are chained by SHA-256 hashes ({@code ChainedEntry}) and sealed into signed blocks;
 * refusals (outcome {@code DENIED}, failed sign-ins, refused attempts) are kept even when the
 * refused caller's transaction rolls back. Details are masked with the console's one policy
 * ({@link com.closureconsole.shared.Masking}) as a last net. Supervisors read the trail through
 * {@link com.closureconsole.audit.AuditTrail}, export it with {@link com.closureconsole.audit.AuditExport}
 * and verify it with {@link com.closureconsole.audit.AuditIntegrity}; the application's database role
 * may only read and append entries.
 */
package com.closureconsole.audit;
