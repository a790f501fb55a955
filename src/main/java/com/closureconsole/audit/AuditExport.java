package com.closureconsole.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;

import com.closureconsole.security.CurrentStaff;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exports the entries of a filter as CSV, newest first. Supervisors only.
 *
 * <p>The rows stream from a database cursor straight into the output, so an export of any size
 * takes the same memory. The file is UTF-8 with a byte order mark (spreadsheet programs then read
 * Chinese text correctly), RFC 4180 quoting by Commons CSV, and cells that a spreadsheet would run
 * as a formula (starting with {@code = + - @}) are prefixed with an apostrophe. Every export is
 * itself audited, with its filter and row count, before the result is handed out.
 */
@Service
@PreAuthorize("hasRole('SUPERVISOR')")
public class AuditExport {

    static final String[] HEADER = {"id", "occurred_at_utc", "actor", "actor_role", "client_address", "action",
            "account_id", "outcome", "correlation_id", "details", "prev_hash", "hash"};
    private static final int FETCH_SIZE = 1000;

    private final JdbcTemplate streaming;
    private final TransactionTemplate snapshot;
    private final AuditLog log;
    private final AuditJobs jobs;
    private final CurrentStaff staff;

    AuditExport(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditLog log, AuditJobs jobs,
                CurrentStaff staff) {
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(FETCH_SIZE);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.log = log;
        this.jobs = jobs;
        this.staff = staff;
    }

    /**
     * Starts writing the entries of {@code filter} to {@code out}, which the export closes when it
     * ends. The result comes once the export is written and audited.
     */
    public AuditJob<ExportResult> start(AuditFilter filter, OutputStream out) {
        Actor actor = Actor.current(staff);
        return jobs.start(AuditTrailAction.AUDIT_EXPORT, actor, job -> {
            long rows;
            try (out) {
                rows = write(filter, out, job);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (CancellationException e) {
                audit(filter, job.done(), false, actor);
                throw e;
            }
            audit(filter, rows, true, actor);
            return new ExportResult(rows);
        });
    }

    private long write(AuditFilter filter, OutputStream out, AuditJob<?> job) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(writer);
        long[] rows = new long[1];
        AuditQuery query = AuditQuery.of(filter, null);
        snapshot.executeWithoutResult(status -> AuditLongRead.allow(streaming).query(query.sql(AuditQuery.COLUMNS, false),
                (RowCallbackHandler) row -> {
                    AuditEntry entry = AuditQuery.entry(row);
                    try {
                        csv.printRecord(entry.id(), DateTimeFormatter.ISO_INSTANT.format(entry.occurredAt()),
                                cell(entry.actor()), entry.actorRole(), cell(entry.clientAddress()), entry.action(),
                                entry.accountId(), entry.outcome(), entry.correlationId(), cell(entry.detailsText()),
                                entry.prevHash(), entry.hash());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    job.doneSoFar(++rows[0]);
                    job.checkCancelled();
                }, query.parameters()));
        csv.flush();
        return rows[0];
    }

    private void audit(AuditFilter filter, long rows, boolean finished, Actor actor) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", "CSV");
        details.put("filter", filter.describe());
        details.put("rows", rows);
        if (!finished) {
            details.put("cancelled", true);
        }
        log.record(AuditEvent.of(AuditTrailAction.AUDIT_EXPORT, filter.accountId(),
                finished ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, details), actor);
    }

    /** A cell a spreadsheet would take for a formula gets an apostrophe in front (CSV injection). */
    static @Nullable String cell(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
