package com.closureconsole.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sections of {@code docs/benchmarks.md} that another benchmark writes (the load, the jar's start),
 * each between a start and an end marker, so each benchmark rewrites its own and keeps the others.
 */
final class MarkdownSections {

    private MarkdownSections() {
    }

    /** Replaces the section between {@code start} and {@code end} (or appends it), leaving the rest as it is. */
    static void replace(Path markdown, String start, String end, String section) throws IOException {
        String text = Files.exists(markdown) ? Files.readString(markdown) : "";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        String updated = from >= 0 && to > from
                ? text.substring(0, from) + section + text.substring(Math.min(text.length(), to + end.length() + 1))
                : text + (text.endsWith("\n") || text.isEmpty() ? "\n" : "\n\n") + section;
        Files.writeString(markdown, updated);
    }

    /** The section between {@code start} and {@code end} in {@code markdown}, markers and final newline included; empty when there is none. */
    static String existing(Path markdown, String start, String end) throws IOException {
        String text = Files.exists(markdown) ? Files.readString(markdown) : "";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        return from >= 0 && to > from ? text.substring(from, Math.min(text.length(), to + end.length() + 1)) : "";
    }
}
