package com.closureconsole.perf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.closureconsole.audit.AuditIntegrity;
import com.closureconsole.audit.LedgerReport;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The console's own verification of the whole audit ledger, as a supervisor starts it under Audit. */
final class PerfLedger {

    private PerfLedger() {
    }

    /** Verifies the whole ledger and answers what it found, with the entries per second it ran at. */
    static Map<String, Object> verifyAll(PerfConsole console) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("supervisor1", null,
                List.of(new SimpleGrantedAuthority("ROLE_SUPERVISOR"))));
        try {
            long t0 = System.nanoTime();
            LedgerReport report = console.bean(AuditIntegrity.class).start(null, null).result().join();
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("call", "AuditIntegrity.start(null, null).result().join(), signed in as a supervisor");
            result.put("intact", report.intact());
            result.put("finding", report.finding() == null ? null : report.finding().toString());
            result.put("entriesChecked", report.entriesChecked());
            result.put("blocksChecked", report.blocksChecked());
            result.put("seconds", Math.round(seconds * 10) / 10.0);
            result.put("entriesPerSecond", Math.round(report.entriesChecked() / seconds));
            return result;
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
