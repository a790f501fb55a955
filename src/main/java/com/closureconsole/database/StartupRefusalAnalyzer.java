package com.closureconsole.database;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a {@link StartupRefusal} as Spring Boot's "APPLICATION FAILED TO START" report, without a stack trace. */
class StartupRefusalAnalyzer extends AbstractFailureAnalyzer<StartupRefusal> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupRefusal refusal) {
        String description = refusal.reasons().stream().map(reason -> "- " + reason)
                .collect(Collectors.joining(System.lineSeparator(),
                        "Closure Console refuses to start:" + System.lineSeparator(), ""));
        return new FailureAnalysis(description, refusal.action(), refusal);
    }
}
