package com.closureconsole.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;

import com.closureconsole.security.CurrentStaff;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Checks that the trail is as it was written: no entry changed, removed or reordered. Supervisors
 * only; every check is itself audited with what it found.
 */
@Service
@PreAuthorize("hasRole('SUPERVISOR')")
public class AuditIntegrity {

    private final ChainVerifier verifier;
    private final AuditLog log;
    private final AuditJobs jobs;
    private final CurrentStaff staff;

    AuditIntegrity(ChainVerifier verifier, AuditLog log, AuditJobs jobs, CurrentStaff staff) {
        this.verifier = verifier;
        this.log = log;
        this.jobs = jobs;
        this.staff = staff;
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
        return jobs.start(AuditAction.AUDIT_VERIFY, actor, job -> {
            ChainReport report;
            try {
                report = verifier.verify(from, to, job);
            } catch (CancellationException e) {
                Map<String, Object> details = range(from, to);
                details.put("cancelled", true);
                details.put("entriesChecked", job.done());
                log.record(AuditEvent.of(AuditAction.AUDIT_VERIFY, null, AuditOutcome.FAILURE, details), actor);
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
            return report;
        });
    }

    private static Map<String, Object> range(Instant from, Instant to) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", from);
        details.put("to", to);
        return details;
    }
}
