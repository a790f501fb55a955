package com.closureconsole.audit;

/**
 * A finished export.
 *
 * @param rows how many entries it holds
 */
public record ExportResult(long rows) {
}
