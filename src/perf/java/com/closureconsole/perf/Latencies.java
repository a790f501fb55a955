package com.closureconsole.perf;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Measured durations of one operation, in nanoseconds, and their order statistics in milliseconds. */
final class Latencies {

    private long[] nanos = new long[256];
    private int count;

    void add(long duration) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = duration;
    }

    /** Both sets of durations in one (the per-thread figures of a concurrent run). */
    static Latencies merged(Latencies a, Latencies b) {
        Latencies all = new Latencies();
        all.nanos = Arrays.copyOf(a.nanos, a.count + b.count);
        System.arraycopy(b.nanos, 0, all.nanos, a.count, b.count);
        all.count = a.count + b.count;
        return all;
    }

    int count() {
        return count;
    }

    /** The q-quantile (0.5: median) in milliseconds, nearest rank. */
    double quantile(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }

    double median() {
        return quantile(0.5);
    }

    double p95() {
        return quantile(0.95);
    }

    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("samples", count);
        summary.put("medianMs", round(median()));
        summary.put("p95Ms", round(p95()));
        summary.put("p99Ms", round(quantile(0.99)));
        summary.put("maxMs", round(quantile(1.0)));
        return summary;
    }

    static double round(double ms) {
        return Double.isNaN(ms) ? ms : Math.round(ms * 1000) / 1000.0;
    }
}
