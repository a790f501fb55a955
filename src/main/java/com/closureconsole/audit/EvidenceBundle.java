package com.closureconsole.audit;

/**
 * An evidence bundle that was written.
 *
 * @param entries how many entries it holds
 * @param blocks  how many blocks seal them
 * @param sha256  the SHA-256 of the ZIP, hex, as the audit entry of its download records it
 */
public record EvidenceBundle(int entries, int blocks, String sha256) {
}
