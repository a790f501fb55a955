package com.closureconsole.audit;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a {@link LedgerNotConfigured} as Spring Boot's "APPLICATION FAILED TO START" report, without a stack trace. */
class LedgerNotConfiguredAnalyzer extends AbstractFailureAnalyzer<LedgerNotConfigured> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, LedgerNotConfigured refusal) {
        String description = "Closure Console refuses to start:" + System.lineSeparator() + "- " + refusal.reason()
                + (refusal.getCause() == null ? "" : " (" + refusal.getCause().getMessage() + ")");
        return new FailureAnalysis(description, refusal.action(), refusal);
    }
}
