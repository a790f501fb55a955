package com.closureconsole.ui.audit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.closureconsole.account.AccountAction;
import com.closureconsole.audit.AuditAction;
import com.closureconsole.audit.AuditEntry;
import com.closureconsole.audit.AuditIntegrity;
import com.closureconsole.audit.AuditOutcome;
import com.closureconsole.audit.Audited;
import com.closureconsole.audit.DigestStore;
import com.closureconsole.audit.EvidenceBundleVerifier;
import com.closureconsole.closure.ClosureAction;
import com.closureconsole.ui.Downloads;
import com.closureconsole.ui.Formats;
import com.closureconsole.ui.KaribuTest;
import com.closureconsole.ui.error.AccessDeniedView;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class AuditViewTest extends KaribuTest {

    @org.springframework.beans.factory.annotation.Autowired
    Formats formats;

    /** The console's time zone ({@code closure.ui.time-zone}'s default): the pickers read times in it. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    String account;
    UUID closure;
    Instant start;

    @BeforeEach
    void recordAClosure() {
        login("supervisor1", "SUPERVISOR");
        start = Instant.now().truncatedTo(ChronoUnit.MICROS);
        account = "20889" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
        closure = UUID.randomUUID();
        Map<String, Object> blockers = new LinkedHashMap<>();
        blockers.put("blockers", List.of(Map.of("code", "BALANCE_NOT_ZERO", "balance", "12.50 CNY")));
        blockers.put("note", "余额未清零");
        publish(AccountAction.ACCOUNT_VIEW, AuditOutcome.SUCCESS, Map.of(), null);
        publish(ClosureAction.ELIGIBILITY_CHECK, AuditOutcome.BLOCKED, blockers, closure);
        publish(ClosureAction.CLOSURE_SUBMIT, AuditOutcome.FAILURE, Map.of("reasonCode", "MOVED_ABROAD"), closure);
    }

    @Test
    void supervisor_filters_by_account_and_sees_the_newest_entry_first() {
        AuditView view = openAudit();
        _setValue(view.filters.account, account);

        List<AuditEntry> rows = GridKt._fetch(view.grid, 0, 50);
        assertThat(rows).extracting(AuditEntry::action)
                .containsExactly("CLOSURE_SUBMIT", "ELIGIBILITY_CHECK", "ACCOUNT_VIEW");
        assertThat(GridKt._getFormatted(view.grid, 0, "action")).isEqualTo("Closure submitted");
        assertThat(GridKt._getFormatted(view.grid, 1, "actor")).isEqualTo("supervisor1");
    }

    @Test
    void choosing_audit_again_shows_the_whole_trail_as_a_new_view_would() {
        UI.getCurrent().navigate("audit", com.vaadin.flow.router.QueryParameters.of("account", account));
        AuditView view = _get(AuditView.class);
        assertThat(view.filters.account.getValue()).isEqualTo(account);
        _setValue(view.filters.outcome, AuditOutcome.BLOCKED);
        assertThat(GridKt._fetch(view.grid, 0, 50)).extracting(AuditEntry::action).containsExactly("ELIGIBILITY_CHECK");

        UI.getCurrent().navigate("audit");
        AuditView again = _get(AuditView.class);
        assertThat(again).as("Vaadin keeps the view it shows").isSameAs(view);
        assertThat(again.filters.account.getValue()).isEmpty();
        assertThat(again.filters.outcome.getValue()).isNull();
        assertThat(GridKt._fetch(again.grid, 0, 50)).extracting(AuditEntry::accountId).contains(account)
                .anyMatch(other -> !account.equals(other));
    }

    @Test
    void the_action_and_outcome_filters_narrow_the_grid() {
        AuditView view = openAudit();
        _setValue(view.filters.account, account);
        _setValue(view.filters.outcome, AuditOutcome.BLOCKED);
        assertThat(GridKt._fetch(view.grid, 0, 50)).extracting(AuditEntry::action).containsExactly("ELIGIBILITY_CHECK");
        _setValue(view.filters.outcome, null);
        _setValue(view.filters.action, AccountAction.ACCOUNT_VIEW);
        assertThat(GridKt._fetch(view.grid, 0, 50)).extracting(AuditEntry::action).containsExactly("ACCOUNT_VIEW");
    }

    @Test
    void text_in_the_details_finds_chinese() {
        AuditView view = openAudit();
        _setValue(view.filters.account, account);
        _setValue(view.filters.text, "余额未清零");
        assertThat(GridKt._fetch(view.grid, 0, 50)).extracting(AuditEntry::action).containsExactly("ELIGIBILITY_CHECK");
    }

    @Test
    void text_is_searched_one_day_at_a_time_and_the_view_names_the_day() {
        AuditView view = openAudit();
        assertThat(view.filters.textWindowBar.isVisible()).isFalse();
        _setValue(view.filters.account, account);
        _setValue(view.filters.text, "余额未清零");

        assertThat(GridKt._fetch(view.grid, 0, 50)).extracting(AuditEntry::action).containsExactly("ELIGIBILITY_CHECK");
        assertThat(view.filters.textWindowBar.isVisible()).isTrue();
        assertThat(view.filters.textWindow.getText()).startsWith("Text is searched one day at a time: entries from ")
                .endsWith(")."); // "… until now (…)."
        Instant dayStart = view.filter().from();
        assertThat(dayStart).isBetween(Instant.now().minus(1, ChronoUnit.DAYS).minusSeconds(60),
                Instant.now().minus(1, ChronoUnit.DAYS));
        assertThat(view.filter().to()).as("up to now, new entries included").isNull();

        // The day before holds none of this test's entries, which were written just now.
        _click(view.filters.earlier);
        assertThat(view.filter().to()).isCloseTo(dayStart, within(1, ChronoUnit.MINUTES));
        assertThat(view.filter().from()).isEqualTo(view.filter().to().minus(1, ChronoUnit.DAYS));
        assertThat(GridKt._fetch(view.grid, 0, 50)).isEmpty();
        assertThat(view.filters.textWindow.getText()).doesNotContain("now");

        // Without text the whole range is browsed again.
        _setValue(view.filters.text, "");
        _setValue(view.filters.to, null);
        assertThat(view.filters.textWindowBar.isVisible()).isFalse();
        assertThat(view.filter().from()).isNull();
        assertThat(GridKt._fetch(view.grid, 0, 50)).hasSize(3);
    }

    @Test
    void a_text_search_inside_a_range_shorter_than_a_day_keeps_the_range_and_offers_no_day_before() {
        AuditView view = openAudit();
        _setValue(view.filters.account, account);
        _setValue(view.filters.from, formats.local(start).minusMinutes(5));
        _setValue(view.filters.text, "MOVED_ABROAD");

        assertThat(GridKt._fetch(view.grid, 0, 50)).extracting(AuditEntry::action).containsExactly("CLOSURE_SUBMIT");
        assertThat(view.filters.earlier.isVisible()).isFalse();
        assertThat(view.filter().from()).isEqualTo(view.filters.read().orElseThrow().from());
    }

    @Test
    void a_short_account_id_gets_a_message_beside_the_field_and_runs_no_query() {
        AuditView view = openAudit();
        _setValue(view.filters.account, account);
        var before = view.filter();

        _setValue(view.filters.account, "2088123");

        assertThat(view.filters.account.isInvalid()).isTrue();
        assertThat(view.filters.account.getErrorMessage()).isEqualTo(t("audit.filter.problem.accountId"));
        assertThat(view.filter()).isSameAs(before);
    }

    @Test
    void an_end_before_the_start_gets_a_message_beside_the_end() {
        AuditView view = openAudit();
        LocalDateTime now = LocalDateTime.now(ZONE);
        _setValue(view.filters.from, now);
        var before = view.filter();
        _setValue(view.filters.to, now.minusHours(1));

        assertThat(view.filters.to.isInvalid()).isTrue();
        assertThat(view.filters.to.getErrorMessage()).isEqualTo(t("audit.filter.problem.toNotAfterFrom"));
        assertThat(view.filter()).isSameAs(before);
    }

    @Test
    void times_are_shown_in_the_consoles_time_zone_whatever_the_browsers_with_utc_beside_them() {
        AuditView view = openAudit();
        _setValue(view.filters.account, account);
        assertThat(view.filters.zoneHint.getText()).isEqualTo(t("audit.filter.zone", ZONE.getId()));
        GridKt._selectRow(view.grid, 1);
        Instant occurred = view.panel.entry().occurredAt();
        String shown = java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM)
                .withLocale(java.util.Locale.ENGLISH).withZone(ZONE).format(occurred);
        assertThat(text("audit-detail-time")).isEqualTo(shown);
        assertThat(text("audit-detail-timeUtc")).startsWith(occurred.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
    }

    @Test
    void the_time_range_keeps_only_entries_inside_it() {
        AuditView view = openAudit();
        _setValue(view.filters.account, account);
        _setValue(view.filters.from, LocalDateTime.ofInstant(start, ZONE).minusMinutes(1));
        assertThat(GridKt._fetch(view.grid, 0, 50)).hasSize(3);
        _setValue(view.filters.to, LocalDateTime.ofInstant(start, ZONE).minusSeconds(1));
        assertThat(GridKt._fetch(view.grid, 0, 50)).isEmpty();
    }

    @Test
    void selecting_an_entry_shows_every_field_and_the_details_in_the_side_panel() {
        AuditView view = openAudit();
        _setValue(view.filters.account, account);
        GridKt._selectRow(view.grid, 1);

        assertThat(view.panel.isVisible()).isTrue();
        AuditEntry entry = view.panel.entry();
        assertThat(text("audit-detail-id")).isEqualTo(Long.toString(entry.id()));
        assertThat(text("audit-detail-actor")).isEqualTo("supervisor1");
        assertThat(text("audit-detail-role")).isEqualTo("Supervisor");
        assertThat(text("audit-detail-action")).isEqualTo("Closure conditions checked");
        assertThat(text("audit-detail-outcome")).isEqualTo("Blocked");
        assertThat(text("audit-detail-account")).isEqualTo(account);
        assertThat(text("audit-detail-correlation")).isEqualTo(closure.toString());
        assertThat(text("audit-detail-timeUtc")).endsWith("UTC");
        assertThat(entry.hash()).isNull();
        assertThat(text("audit-detail-hash")).as("no chain hash: the entry is sealed in a block").isEqualTo("—");
        assertThat(text("audit-detail-seal")).matches("Block \\d+, leaf \\d+ of \\d+; leaf hash [0-9a-f]{16}…"
                + "|Waiting for the sealer \\(under a second\\)");
        assertThat(view.panel.accountLink.getHref()).isEqualTo("accounts/" + account);
        List<String> detailTexts = _find(view.panel.details, Span.class).stream().map(Span::getText).toList();
        assertThat(detailTexts).contains("blockers", "code", "BALANCE_NOT_ZERO", "balance", "12.50 CNY", "note", "余额未清零");
    }

    @Test
    void one_click_shows_every_step_of_the_same_closure() {
        AuditView view = openAudit();
        _setValue(view.filters.account, account);
        GridKt._selectRow(view.grid, 0);
        _click(view.panel.closureTrail);

        assertThat(view.filters.closureBar.isVisible()).isTrue();
        assertThat(view.filters.account.getValue()).isEmpty();
        assertThat(GridKt._fetch(view.grid, 0, 50)).extracting(AuditEntry::correlationId).containsExactly(closure, closure);

        _click(view.filters.showAll);
        assertThat(view.filters.closureBar.isVisible()).isFalse();
        assertThat(view.filter().correlationId()).isNull();
    }

    @Test
    void export_shows_progress_then_offers_the_file_and_is_audited() throws Exception {
        AuditView view = openAudit();
        _setValue(view.filters.account, account);
        _click(view.jobs.export);
        assertThat(view.jobs.progress.isVisible()).isTrue();
        assertThat(view.jobs.export.isEnabled()).isFalse();

        awaitJobAndPoll(view);

        assertThat(view.jobs.download.isVisible()).isTrue();
        assertThat(view.jobs.download.getHref()).isNotBlank();
        assertThat(view.jobs.status.getText()).isEqualTo(t("audit.export.ready", 3));
        byte[] csv = Downloads.content(view.jobs.download);
        assertThat(new String(csv, 0, 3, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("\uFEFF");
        assertThat(new String(csv, java.nio.charset.StandardCharsets.UTF_8)).contains("余额未清零", account);
        assertThat(jdbc().queryForObject("""
                SELECT (details ->> 'rows')::int FROM audit_entry
                 WHERE action = 'AUDIT_EXPORT' AND account_id = ? AND actor = 'supervisor1'""", Integer.class, account))
                .isEqualTo(3);
    }

    @Test
    void a_ready_export_stays_offered_while_a_verification_runs() throws Exception {
        AuditView view = openAudit();
        _setValue(view.filters.account, account);
        _click(view.jobs.export);
        awaitJobAndPoll(view);
        _click(view.jobs.verify);
        assertThat(view.jobs.download.isVisible()).isTrue();
        awaitJobAndPoll(view);
        assertThat(view.jobs.download.isVisible()).isTrue();
        assertThat(view.jobs.verifyResult.isVisible()).isTrue();
    }

    @Test
    void verify_reports_its_finding_in_words() throws Exception {
        AuditView view = openAudit();
        _setValue(view.filters.from, LocalDateTime.ofInstant(start, ZONE));
        _click(view.jobs.verify);
        awaitJobAndPoll(view);

        assertThat(view.jobs.verifyResult.isVisible()).isTrue();
        assertThat(view.jobs.verifyResult.getText()).startsWith("Intact: ").contains("none was changed");
        assertThat(view.jobs.progress.isVisible()).isFalse();
    }

    @Test
    void the_evidence_bundle_of_a_closure_downloads_verifies_offline_and_is_audited() throws Exception {
        AuditView view = openAudit();
        _setValue(view.filters.account, account);
        GridKt._selectRow(view.grid, 0);
        assertThat(view.panel.evidence.isVisible()).isTrue();
        assertThat(view.panel.evidence.download.isVisible()).isFalse();

        _click(view.panel.evidence.make);

        assertThat(view.panel.evidence.download.isVisible()).isTrue();
        assertThat(view.panel.evidence.download.getHref()).isNotBlank();
        assertThat(view.panel.evidence.status.getText()).isEqualTo(t("audit.evidence.ready", 2));
        Path key = Files.createTempFile("ledger-key", ".pem");
        Path bundle = Files.createTempFile("evidence", ".zip");
        try {
            Files.writeString(key, context.getBean(AuditIntegrity.class).publicKeyPem());
            Files.write(bundle, Downloads.content(view.panel.evidence.download));
            int exit = EvidenceBundleVerifier.run(new String[] {bundle.toString(), "--public-key",
                    key.toString()}, new PrintStream(OutputStream.nullOutputStream()), new PrintStream(OutputStream.nullOutputStream()));
            assertThat(exit).isZero();
        } finally {
            Files.delete(key);
            Files.delete(bundle);
        }
        assertThat(jdbc().queryForObject("""
                SELECT count(*) FROM audit_entry WHERE action = 'AUDIT_EVIDENCE_EXPORT' AND correlation_id = ?
                   AND actor = 'supervisor1'""", Integer.class, closure)).isOne();
        // Sealed now: the side panel names the submission's block.
        List<AuditEntry> rows = GridKt._fetch(view.grid, 0, 10);
        GridKt._selectRow(view.grid, rows.indexOf(rows.stream().filter(e -> e.action().equals("CLOSURE_SUBMIT")).findFirst().orElseThrow()));
        assertThat(text("audit-detail-seal")).startsWith("Block ");
    }

    @Test
    void entries_without_a_closure_offer_no_evidence_bundle() {
        AuditView view = openAudit();
        _setValue(view.filters.account, account);
        GridKt._selectRow(view.grid, 2);
        assertThat(view.panel.entry().correlationId()).isNull();
        assertThat(view.panel.evidence.isVisible()).isFalse();
    }

    @Test
    void a_verification_of_a_time_range_names_a_missing_digest_in_words() throws Exception {
        Path digests = Path.of(context.getBean(DigestStore.class).describe());
        AuditView view = openAudit();
        _setValue(view.filters.from, LocalDateTime.ofInstant(start, ZONE));
        _click(view.jobs.verify);
        awaitJobAndPoll(view);
        assertThat(view.jobs.verifyResult.getText()).startsWith("Intact: ");

        List<String> lines = Files.readAllLines(digests);
        int removedAt = lines.size() - 1;
        String removed = lines.get(removedAt);
        String block = removed.replaceAll(".*\"blockNo\":(\\d+).*", "$1");
        Files.write(digests, lines.subList(0, removedAt));
        try {
            _click(view.jobs.verify);
            awaitJobAndPoll(view);
            assertThat(view.jobs.verifyResult.getText())
                    .isEqualTo("The digest of block " + block + " is missing from the digest store outside the database: "
                            + "it was removed, or never stored.");
            assertThat(jdbc().queryForObject("""
                    SELECT details ->> 'problem' FROM audit_entry WHERE action = 'AUDIT_VERIFY' ORDER BY id DESC LIMIT 1""",
                    String.class)).isEqualTo("DIGEST_MISSING");
        } finally {
            List<String> now = new java.util.ArrayList<>(Files.readAllLines(digests));
            now.add(removedAt, removed);
            Files.write(digests, now);
        }
    }

    @Test
    void an_agent_is_denied_the_audit_browser_and_the_attempt_is_recorded() {
        logout();
        login("agent2", "AGENT");
        long before = jdbc().queryForObject("SELECT coalesce(max(id), 0) FROM audit_entry", Long.class);
        UI.getCurrent().navigate("audit");

        _get(AccessDeniedView.class);
        assertThat(_find(AuditView.class)).isEmpty();
        assertThat(jdbc().queryForMap("""
                SELECT actor, outcome, details ->> 'route' AS route FROM audit_entry
                 WHERE action = 'ACCESS_DENIED' AND id > ?""", before))
                .containsEntry("actor", "agent2").containsEntry("outcome", "DENIED").containsEntry("route", "audit");
    }

    private AuditView openAudit() {
        UI.getCurrent().navigate("audit");
        return _get(AuditView.class);
    }

    private void awaitJobAndPoll(AuditView view) throws Exception {
        // As the browser does: poll until the job's progress bar goes away.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (view.jobs.progress.isVisible()) {
            assertThat(System.nanoTime()).as("the job ends within a minute").isLessThan(deadline);
            Thread.sleep(20);
            ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
        }
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }

    private void publish(AuditAction action, AuditOutcome outcome, Map<String, Object> details, UUID correlation) {
        new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(status ->
                context.publishEvent(new Recorded(action, account, outcome, details, correlation)));
    }

    /** Any fact the audit records, as a module would publish it. */
    record Recorded(AuditAction action, String accountId, AuditOutcome outcome, Map<String, Object> details,
                    UUID correlationId) implements Audited {
    }

    private JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }
}
