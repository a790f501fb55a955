/**
 * The audit trail: every action of an agent or supervisor becomes one append-only, hash-chained
 * entry, written in the same transaction as the action. Other modules publish an
 * {@link com.closureconsole.audit.AuditEvent} as a Spring application event; sign-ins and their
 * failures are taken from Spring Security's own events.
 */
package com.closureconsole.audit;
