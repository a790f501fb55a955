package com.closureconsole.ui.audit;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.closureconsole.audit.AuditCursor;
import com.closureconsole.audit.AuditEntry;
import org.jspecify.annotations.Nullable;

/**
 * Turns the grid's "rows from offset, this many" into seeks. As the grid fetches in order, the
 * position after each fetched block is remembered, so the next block starts there by an index
 * seek; a jump ahead walks only from the nearest remembered position. No OFFSET, no count.
 */
final class KeysetPages {

    /** Where the rows come from: a page after a position, and the position some rows further on. */
    interface Source {
        List<AuditEntry> page(@Nullable AuditCursor after, int limit);

        Optional<AuditCursor> cursorAfter(@Nullable AuditCursor after, int rows);
    }

    private final Source source;
    /** Row offset → the position of the row just before it (offset 0 needs none). */
    private final NavigableMap<Integer, AuditCursor> positions = new TreeMap<>();

    KeysetPages(Source source) {
        this.source = source;
    }

    Stream<AuditEntry> fetch(int offset, int limit) {
        AuditCursor after = null;
        Map.Entry<Integer, AuditCursor> known = positions.floorEntry(offset);
        int from = 0;
        if (known != null) {
            from = known.getKey();
            after = known.getValue();
        }
        if (from < offset) {
            Optional<AuditCursor> jumped = source.cursorAfter(after, offset - from);
            if (jumped.isEmpty()) {
                return Stream.empty();
            }
            after = jumped.get();
            positions.put(offset, after);
        }
        List<AuditEntry> rows = source.page(after, limit);
        if (!rows.isEmpty()) {
            positions.put(offset + rows.size(), rows.get(rows.size() - 1).cursor());
        }
        return rows.stream();
    }

    /** Forgets every position: the filter changed or new entries arrived at the top. */
    void reset() {
        positions.clear();
    }
}
