package com.closureconsole.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

import com.closureconsole.audit.AuditCursor;
import com.closureconsole.audit.AuditEntry;
import com.closureconsole.audit.AuditOutcome;
import org.junit.jupiter.api.Test;

/** The grid's offsets become seeks: in-order paging never walks, a jump walks from the nearest known spot. */
class KeysetPagesTest {

    /** 1000 entries, newest (id 1000) first; it records each call. */
    static final class FakeTrail implements KeysetPages.Source {
        final List<String> calls = new ArrayList<>();
        final List<AuditEntry> all = LongStream.rangeClosed(1, 1000).map(i -> 1001 - i).mapToObj(FakeTrail::entry).toList();

        static AuditEntry entry(long id) {
            return new AuditEntry(id, Instant.ofEpochSecond(id), "a", null, null, "SIGN_IN", null,
                    AuditOutcome.SUCCESS, "{}", null, null, "h");
        }

        int indexAfter(AuditCursor after) {
            return after == null ? 0 : (int) (1000 - after.id() + 1);
        }

        @Override
        public List<AuditEntry> page(AuditCursor after, int limit) {
            calls.add("page after " + (after == null ? "-" : after.id()));
            int from = indexAfter(after);
            return all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size()));
        }

        @Override
        public Optional<AuditCursor> cursorAfter(AuditCursor after, int rows) {
            calls.add("walk " + rows + " after " + (after == null ? "-" : after.id()));
            int index = indexAfter(after) + rows - 1;
            return index < all.size() ? Optional.of(all.get(index).cursor()) : Optional.empty();
        }
    }

    @Test
    void paging_in_order_seeks_from_the_last_row_of_the_page_before() {
        FakeTrail trail = new FakeTrail();
        KeysetPages pages = new KeysetPages(trail);
        assertThat(pages.fetch(0, 50).map(AuditEntry::id).findFirst()).contains(1000L);
        assertThat(pages.fetch(50, 50).map(AuditEntry::id).findFirst()).contains(950L);
        assertThat(pages.fetch(100, 50).map(AuditEntry::id).toList()).hasSize(50).startsWith(900L).endsWith(851L);
        assertThat(trail.calls).containsExactly("page after -", "page after 951", "page after 901");
    }

    @Test
    void a_jump_ahead_walks_only_from_the_nearest_known_position_and_remembers_it() {
        FakeTrail trail = new FakeTrail();
        KeysetPages pages = new KeysetPages(trail);
        pages.fetch(0, 50);
        assertThat(pages.fetch(500, 50).map(AuditEntry::id).findFirst()).contains(500L);
        assertThat(pages.fetch(500, 50).map(AuditEntry::id).findFirst()).contains(500L);
        assertThat(pages.fetch(550, 50).map(AuditEntry::id).findFirst()).contains(450L);
        assertThat(trail.calls).containsExactly("page after -", "walk 450 after 951", "page after 501",
                "page after 501", "page after 451");
    }

    @Test
    void past_the_end_there_is_nothing_and_a_reset_starts_again_from_the_newest() {
        FakeTrail trail = new FakeTrail();
        KeysetPages pages = new KeysetPages(trail);
        assertThat(pages.fetch(2000, 50)).isEmpty();
        pages.fetch(0, 50);
        pages.reset();
        trail.calls.clear();
        pages.fetch(50, 50);
        assertThat(trail.calls).containsExactly("walk 50 after -", "page after 951");
    }
}
