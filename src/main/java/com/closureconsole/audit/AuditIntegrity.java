package com.closureconsole.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;

import com.closureconsole.security.CurrentStaff;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Checks that the trail is as it was written: no entry changed, removed or reordered. Supervisors
 * only; every check is itself audited with what it found, and counted by result (intact, broken,
 * cancelled, error) in the metric {@value #VERIFICATIONS}.
 */
@Service
@PreAuthorize("hasRole('SUPERVISOR')")
public class AuditIntegrity {

    static final String VERIFICATIONS = "closure.audit.verifications";

    private final ChainVerifier verifier;
    private final AuditLog log;
    private final AuditJobs jobs;
    private final CurrentStaff staff;
    private final MeterRegistry meters;

    AuditIntegrity(ChainVerifier verifier, AuditLog log, AuditJobs jobs, CurrentStaff staff, MeterRegistry meters) {
        this.verifier = verifier;
        this.log = log;
        this.jobs = jobs;
        this.staff = staff;
        this.meters = meters;
    }

    /**
     * Starts verifying the entries between {@code from} (inclusive) and {@code to} (exclusive);
     * both {@code null} verifies the whole trail. The result names the first broken link, if any.
     */
    public AuditJob<ChainReport> start(Instant from, Instant to) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("the end of the range must come after its start");
        }
        Actor actor = Actor.current(staff);
        return jobs.start("verification", job -> {
            ChainReport report;
            try {
                report = verifier.verify(from, to, job);
            } catch (CancellationException e) {
                Map<String, Object> details = range(from, to);
                details.put("cancelled", true);
                details.put("entriesChecked", job.done());
                log.record(AuditEvent.of(AuditAction.AUDIT_VERIFY, null, AuditOutcome.FAILURE, details), actor);
                verified("cancelled");
                throw e;
            } catch (RuntimeException e) {
                verified("error");
                throw e;
            }
            Map<String, Object> details = range(from, to);
            details.put("intact", report.intact());
            details.put("entriesChecked", report.entriesChecked());
            details.put("firstId", report.firstId());
            details.put("lastId", report.lastId());
            details.put("lastHash", report.lastHash());
            if (!report.intact()) {
                details.put("brokenEntryId", report.brokenLink().entryId());
                details.put("problem", report.brokenLink().problem());
            }
            log.record(AuditEvent.of(AuditAction.AUDIT_VERIFY, null,
                    report.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, details), actor);
            verified(report.intact() ? "intact" : "broken");
            return report;
        });
    }

    private void verified(String result) {
        Counter.builder(VERIFICATIONS).description("Integrity checks of the audit trail, by result")
                .tag("result", result).register(meters).increment();
    }

    private static Map<String, Object> range(Instant from, Instant to) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", from);
        details.put("to", to);
        return details;
    }
}
