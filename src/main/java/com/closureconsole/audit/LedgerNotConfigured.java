package com.closureconsole.audit;

import org.jspecify.annotations.Nullable;

/**
 * The console refuses to start because the audit ledger cannot sign or keep its digests: no
 * signing key, a key that cannot be read, or no folder for the digests outside the database. Says
 * what is wrong and what to configure, as one line of Spring Boot's "APPLICATION FAILED TO START"
 * report ({@link LedgerNotConfiguredAnalyzer}), never as a stack trace.
 */
class LedgerNotConfigured extends RuntimeException {

    private final String reason;
    private final String action;

    LedgerNotConfigured(String reason, String action, @Nullable Throwable cause) {
        super("Closure Console refuses to start: " + reason, cause);
        this.reason = reason;
        this.action = action;
    }

    LedgerNotConfigured(String reason, String action) {
        this(reason, action, null);
    }

    String reason() {
        return reason;
    }

    String action() {
        return action;
    }
}
