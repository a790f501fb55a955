package com.closureconsole.perf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one measured operation: the console's own time at the service boundary the views
 * call (absent while that service does not exist yet), the same SQL's round trip over plain JDBC,
 * the statements and their plans.
 */
final class Measurement {

    final String id;
    final String group;
    final String label;
    /** The p95 target in milliseconds; NaN when the operation has none. */
    final double targetP95Ms;
    final Latencies console;
    final Latencies jdbc = new Latencies();
    final List<String> statements = new ArrayList<>();
    final List<String> plans = new ArrayList<>();
    final Map<String, Object> facts = new LinkedHashMap<>();

    Measurement(String id, String group, String label, double targetP95Ms, boolean hasConsole) {
        this.id = id;
        this.group = group;
        this.label = label;
        this.targetP95Ms = targetP95Ms;
        this.console = hasConsole ? new Latencies() : null;
    }

    /** The figure the target is judged on: the console's p95, or the JDBC one until the service exists. */
    double judgedP95() {
        return console != null ? console.p95() : jdbc.p95();
    }

    boolean targetMet() {
        return Double.isNaN(targetP95Ms) || judgedP95() <= targetP95Ms;
    }

    /** The console may add at most 1 ms, or double the time, whichever allows more (judged on p95). */
    double overheadAllowanceMs() {
        return Math.max(jdbc.p95() + 1.0, 2 * jdbc.p95());
    }

    Boolean overheadMet() {
        return console == null || jdbc.count() == 0 ? null : console.p95() <= overheadAllowanceMs();
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.put("group", group);
        map.put("label", label);
        map.put("targetP95Ms", Double.isNaN(targetP95Ms) ? null : targetP95Ms);
        map.put("console", console == null ? null : console.summary());
        map.put("jdbc", jdbc.count() == 0 ? null : jdbc.summary());
        map.put("targetMet", targetMet());
        map.put("overheadAllowanceMs", console == null ? null : Latencies.round(overheadAllowanceMs()));
        map.put("overheadMet", overheadMet());
        map.put("facts", facts);
        map.put("statements", statements);
        map.put("plans", plans);
        return map;
    }
}
