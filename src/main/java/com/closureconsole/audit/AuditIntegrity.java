package com.closureconsole.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;

import com.closureconsole.security.CurrentStaff;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Checks that the trail is as it was written and sealed: no entry or block changed, removed,
 * added or reordered, every block signed by the ledger's key and its digest kept outside the
 * database ({@link LedgerVerifier}). Supervisors only; every check is itself audited with what it
 * found, and counted by result (intact, broken, cancelled, error) in the metric {@value #VERIFICATIONS}.
 */
@Service
@PreAuthorize("hasRole('SUPERVISOR')")
public class AuditIntegrity {

    static final String VERIFICATIONS = "closure.audit.verifications";

    private final LedgerVerifier verifier;
    private final AuditLog log;
    private final AuditJobs jobs;
    private final CurrentStaff staff;
    private final LedgerKeys keys;
    private final MeterRegistry meters;

    AuditIntegrity(LedgerVerifier verifier, AuditLog log, AuditJobs jobs, CurrentStaff staff, LedgerKeys keys,
                   MeterRegistry meters) {
        this.keys = keys;
        this.meters = meters;
        this.verifier = verifier;
        this.log = log;
        this.jobs = jobs;
        this.staff = staff;
    }

    /**
     * Starts verifying the entries between {@code from} (inclusive) and {@code to} (exclusive);
     * both {@code null} verifies the whole trail. The result names the first thing wrong, if any.
     */
    public AuditJob<LedgerReport> start(@Nullable Instant from, @Nullable Instant to) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("the end of the range must come after its start");
        }
        Actor actor = Actor.current(staff);
        return jobs.start(AuditTrailAction.AUDIT_VERIFY, actor, job -> {
            LedgerReport report;
            try {
                report = verifier.verify(from, to, job);
            } catch (CancellationException e) {
                Map<String, Object> details = range(from, to);
                details.put("cancelled", true);
                details.put("entriesChecked", job.done());
                log.record(AuditEvent.of(AuditTrailAction.AUDIT_VERIFY, null, AuditOutcome.FAILURE, details), actor);
                verified("cancelled");
                throw e;
            } catch (RuntimeException e) {
                verified("error");
                throw e;
            }
            Map<String, Object> details = range(from, to);
            details.put("intact", report.intact());
            details.put("entriesChecked", report.entriesChecked());
            details.put("blocksChecked", report.blocksChecked());
            details.put("firstBlock", report.firstBlockNo());
            details.put("lastBlock", report.lastBlockNo());
            details.put("lastBlockHash", report.lastBlockHash());
            LedgerReport.Finding finding = report.finding();
            if (finding != null) {
                details.put("problem", finding.problem());
                details.put("entryId", finding.entryId());
                details.put("blockNo", finding.blockNo());
            }
            log.record(AuditEvent.of(AuditTrailAction.AUDIT_VERIFY, null,
                    report.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, details), actor);
            verified(report.intact() ? "intact" : "broken");
            return report;
        });
    }

    private void verified(String result) {
        Counter.builder(VERIFICATIONS).description("Integrity checks of the audit trail, by result")
                .tag("result", result).register(meters).increment();
    }

    /** The ledger's public key in PEM form: all an outside verifier needs to check blocks and evidence bundles. */
    public String publicKeyPem() {
        return keys.publicKeyPem();
    }

    private static Map<String, Object> range(@Nullable Instant from, @Nullable Instant to) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", from);
        details.put("to", to);
        return details;
    }
}
