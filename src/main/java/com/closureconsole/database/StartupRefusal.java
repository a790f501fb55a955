package com.closureconsole.database;

import java.util.List;

/**
 * The console refuses to start: what is wrong and what the operator can do about it, each in
 * words an operator reads in the log (see {@link StartupRefusalAnalyzer}).
 */
class StartupRefusal extends RuntimeException {

    private final List<String> reasons;
    private final String action;

    StartupRefusal(List<String> reasons, String action) {
        super("Closure Console refuses to start: " + String.join(" ", reasons));
        this.reasons = List.copyOf(reasons);
        this.action = action;
    }

    StartupRefusal(String reason, String action) {
        this(List.of(reason), action);
    }

    List<String> reasons() {
        return reasons;
    }

    String action() {
        return action;
    }
}
