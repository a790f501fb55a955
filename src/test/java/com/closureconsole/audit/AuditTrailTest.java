package com.closureconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.closureconsole.ConsoleTest;
import com.closureconsole.account.AccountAction;
import com.closureconsole.closure.ClosureAction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Supervisors find entries by every filter, page by seek, and export what they found. */
@ConsoleTest
@WithMockUser(username = "supervisor1", roles = "SUPERVISOR")
class AuditTrailTest {

    @Autowired
    AuditLog log;
    @Autowired
    AuditTrail trail;
    @Autowired
    AuditExport export;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    String account;
    String actor;
    UUID closure;
    long viewed;
    long blocked;
    Instant between;
    long denied;

    @BeforeEach
    void writeEntries() {
        account = AuditFixtures.newAccountId();
        actor = "t" + UUID.randomUUID().toString().substring(0, 8);
        closure = UUID.randomUUID();
        viewed = AuditFixtures.write(log, actor, AccountAction.ACCOUNT_VIEW, account, AuditOutcome.SUCCESS,
                Map.of("section", "header"), null);
        blocked = AuditFixtures.write(log, "supervisor1", ClosureAction.ELIGIBILITY_CHECK, account, AuditOutcome.BLOCKED,
                Map.of("blockers", List.of("BALANCE_NOT_ZERO"), "remark", "余额 12.50 元 100%_done"), closure);
        between = AuditFixtures.now();
        denied = AuditFixtures.write(log, actor, ClosureAction.CLOSURE_SUBMIT, account, AuditOutcome.FAILURE,
                Map.of("reasonCode", "MOVED_ABROAD"), closure);
    }

    @Test
    void the_account_filter_finds_all_its_entries_newest_first() {
        assertThat(ids(filter(null, null, null, null, null, null))).containsExactly(denied, blocked, viewed);
    }

    @Test
    void the_time_range_filter_keeps_entries_from_its_start_and_before_its_end() {
        assertThat(ids(filter(between, null, null, null, null, null))).containsExactly(denied);
        assertThat(ids(filter(null, between, null, null, null, null))).containsExactly(blocked, viewed);
    }

    @Test
    void the_actor_filter_ignores_case() {
        assertThat(ids(filter(null, null, actor.toUpperCase(), null, null, null))).containsExactly(denied, viewed);
    }

    @Test
    void the_action_filter() {
        assertThat(ids(filter(null, null, null, ClosureAction.ELIGIBILITY_CHECK, null, null))).containsExactly(blocked);
    }

    @Test
    void the_outcome_filter() {
        assertThat(ids(filter(null, null, null, null, AuditOutcome.FAILURE, null))).containsExactly(denied);
    }

    @Test
    void the_text_filter_finds_chinese_text_and_takes_wildcards_literally() {
        assertThat(ids(filter(null, null, null, null, null, "余额 12.50"))).containsExactly(blocked);
        assertThat(ids(filter(null, null, null, null, null, "moved_ABROAD"))).containsExactly(denied);
        assertThat(ids(filter(null, null, null, null, null, "100%_done"))).containsExactly(blocked);
        assertThat(ids(filter(null, null, null, null, null, "100%x"))).isEmpty();
    }

    @Test
    void the_text_filter_ignores_case_and_takes_regular_expression_characters_literally() {
        assertThat(ids(filter(null, null, null, null, null, "元 100%_DONE"))).containsExactly(blocked);
        assertThat(ids(filter(null, null, null, null, null, "balance_not_zero"))).containsExactly(blocked);
        assertThat(ids(filter(null, null, null, null, null, "B.LANCE"))).as("a dot is a dot").isEmpty();
        assertThat(ids(filter(null, null, null, null, null, "BAL.*ZERO"))).isEmpty();
        assertThat(ids(filter(null, null, null, null, null, "[BALANCE"))).as("no broken expression reaches the database").isEmpty();
        assertThat(ids(filter(null, null, null, null, null, "12\\.50"))).isEmpty();
    }

    @Test
    void the_closure_trail_holds_every_step_of_that_closure_only() {
        assertThat(ids(AuditFilter.closureTrail(closure))).containsExactly(denied, blocked);
    }

    @Test
    void every_field_of_an_entry_comes_back_with_its_details_in_order() {
        AuditEntry entry = trail.page(filter(null, null, null, ClosureAction.ELIGIBILITY_CHECK, null, null), null, 5).get(0);
        assertThat(entry.actor()).isEqualTo("supervisor1");
        assertThat(entry.actorRole()).isEqualTo("SUPERVISOR");
        assertThat(entry.clientAddress()).isEqualTo("127.0.0.1");
        assertThat(entry.accountId()).isEqualTo(account);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.BLOCKED);
        assertThat(entry.correlationId()).isEqualTo(closure);
        assertThat(entry.action()).isEqualTo(ClosureAction.ELIGIBILITY_CHECK.name());
        assertThat(entry.details()).containsEntry("blockers", List.of("BALANCE_NOT_ZERO"));
        assertThat(entry.hash()).as("no chain hash: entries of the ledger are sealed in blocks").isNull();
    }

    @Test
    void pages_seek_past_the_last_entry_seen_and_never_repeat_one() {
        for (int i = 0; i < 22; i++) {
            AuditFixtures.write(log, actor, AccountAction.ACCOUNT_SEARCH, account, AuditOutcome.SUCCESS, Map.of("i", i), null);
        }
        AuditFilter mine = filter(null, null, null, null, null, null);
        List<Long> all = new ArrayList<>();
        AuditCursor cursor = null;
        List<AuditEntry> page;
        do {
            page = trail.page(mine, cursor, 10);
            page.forEach(entry -> all.add(entry.id()));
            cursor = page.isEmpty() ? cursor : page.get(page.size() - 1).cursor();
        } while (page.size() == 10);
        assertThat(all).hasSize(25).doesNotHaveDuplicates();
        assertThat(all).isSortedAccordingTo((a, b) -> Long.compare(b, a));

        AuditCursor tenth = trail.page(mine, null, 10).get(9).cursor();
        assertThat(trail.cursorAfter(mine, null, 10)).contains(tenth);
        assertThat(trail.page(mine, trail.cursorAfter(mine, null, 20).orElseThrow(), 10)).hasSize(5);
        assertThat(trail.cursorAfter(mine, tenth, 16)).isEmpty();
    }

    @Test
    void a_deep_page_is_an_index_seek_without_sorting_or_counting() {
        AuditQuery query = AuditQuery.of(AuditFilter.ALL, new AuditCursor(between, denied));
        String sql = query.sql(AuditQuery.COLUMNS, true);
        assertThat(sql).doesNotContainIgnoringCase("offset").doesNotContainIgnoringCase("count(");
        List<String> plan = new TransactionTemplate(transactions).execute(status -> {
            // A test table is small enough to scan; the question is whether the index can serve it.
            jdbc.execute("SET LOCAL enable_seqscan = off");
            jdbc.execute("SET LOCAL enable_bitmapscan = off");
            return jdbc.queryForList("EXPLAIN " + sql, String.class, query.parameters(50));
        });
        // Each month's time index, newest month first (an ordered scan of the partitions), no sort.
        assertThat(String.join("\n", plan)).containsPattern("Index Scan using audit_entry_\\w*(time|occurred_at_id)\\w*")
                .contains("Index Cond: (ROW(occurred_at, id) <").doesNotContain("Sort");
    }

    @Test
    void a_filter_with_its_end_before_its_start_or_a_short_account_id_is_refused() {
        assertThat(AuditFilter.check(between, between.minusSeconds(1), null, "123", null))
                .extracting(AuditFilter.Problem::field)
                .containsExactly(AuditFilter.Field.TO, AuditFilter.Field.ACCOUNT);
        assertThatThrownBy(() -> new AuditFilter(null, null, null, "2088", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_export_holds_the_filtered_entries_as_utf8_csv_with_a_byte_order_mark() throws Exception {
        AuditFixtures.write(log, "=cmd|' /C calc'!A0", SignInAction.SIGN_IN_FAILED, account, AuditOutcome.FAILURE,
                Map.of("reason", "BAD_CREDENTIALS"), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportResult result = AuditFixtures.await(export.start(filter(null, null, null, null, null, null), out));

        byte[] bytes = out.toByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
        assertThat(result.rows()).isEqualTo(4);
        assertThat(records).hasSize(4);
        assertThat(records.get(0).getParser().getHeaderNames()).containsExactly(AuditExport.HEADER);
        assertThat(records.get(0).get("actor")).isEqualTo("'=cmd|' /C calc'!A0");
        CSVRecord check = records.stream().filter(r -> r.get("id").equals(Long.toString(blocked))).findFirst().orElseThrow();
        assertThat(check.get("details")).contains("余额 12.50 元");
        assertThat(check.get("correlation_id")).isEqualTo(closure.toString());
        assertThat(check.get("account_id")).isEqualTo(account);
        assertThat(Instant.parse(check.get("occurred_at_utc"))).isBefore(between);
    }

    @Test
    void every_export_is_audited_with_its_filter_and_row_count() {
        AuditFixtures.await(export.start(filter(null, null, null, null, AuditOutcome.BLOCKED, null), new ByteArrayOutputStream()));
        Map<String, Object> entry = jdbc.queryForMap("""
                SELECT actor, outcome, details -> 'filter' ->> 'outcome' AS outcome_filter,
                       (details ->> 'rows')::int AS rows
                  FROM audit_entry WHERE action = 'AUDIT_EXPORT' AND account_id = ?""", account);
        assertThat(entry).containsEntry("actor", "supervisor1").containsEntry("outcome", "SUCCESS")
                .containsEntry("outcome_filter", "BLOCKED").containsEntry("rows", 1);
    }

    @Test
    void an_export_that_fails_is_audited_with_an_error_code() {
        long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_entry", Long.class);
        java.io.OutputStream broken = new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("disk full at /home/zhang.wei@example.com");
            }
        };
        assertThatThrownBy(() -> AuditFixtures.await(export.start(filter(null, null, null, null, null, null), broken)))
                .hasRootCauseInstanceOf(java.io.IOException.class);
        Map<String, Object> entry = jdbc.queryForMap("""
                SELECT actor, outcome, details ->> 'error' AS error FROM audit_entry
                 WHERE id > ? AND action = 'AUDIT_EXPORT'""", before);
        assertThat(entry).containsEntry("actor", "supervisor1").containsEntry("outcome", "FAILURE");
        assertThat((String) entry.get("error")).contains("IOException").doesNotContain("@").doesNotContain("disk full");
    }

    @Test
    @WithMockUser(username = "agent2", roles = "AGENT")
    void agents_may_not_browse_or_export_the_trail() {
        AuditFilter mine = filter(null, null, null, null, null, null);
        assertThatThrownBy(() -> trail.page(mine, null, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> trail.cursorAfter(mine, null, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> export.start(mine, new ByteArrayOutputStream())).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForList("""
                SELECT details ->> 'operation' FROM audit_entry
                 WHERE action = 'ACCESS_DENIED' AND actor = 'agent2' ORDER BY id DESC LIMIT 3""", String.class))
                .containsExactly("AuditExport.start", "AuditTrail.cursorAfter", "AuditTrail.page");
    }

    private AuditFilter filter(Instant from, Instant to, String who, AuditAction action, AuditOutcome outcome, String text) {
        return new AuditFilter(from, to, who, account, action, outcome, text, null);
    }

    private List<Long> ids(AuditFilter filter) {
        return trail.page(filter, null, 50).stream().map(AuditEntry::id).toList();
    }
}
