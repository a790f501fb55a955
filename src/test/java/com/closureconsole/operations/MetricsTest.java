package com.closureconsole.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.closureconsole.ConsoleTest;
import com.closureconsole.TestAccounts;
import com.closureconsole.account.AccountSearch;
import com.closureconsole.audit.AuditIntegrity;
import com.closureconsole.closure.ClosureReason;
import com.closureconsole.closure.ClosureSubmission;
import com.closureconsole.closure.FlowSteps;
import com.closureconsole.closure.EligibilityService;
import com.closureconsole.closure.SubmitClosure;
import com.closureconsole.closure.WalkedFlow;
import com.closureconsole.closure.VerificationMethod;
import com.closureconsole.notification.NotificationJobs;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.apache.catalina.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

/** The console's own metrics, counted through its services and read as Prometheus scrapes them. */
@ConsoleTest
@WithMockUser(username = "agent1", roles = "AGENT")
class MetricsTest {

    @LocalManagementPort
    int managementPort;
    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry registry;
    @Autowired
    AccountSearch search;
    @Autowired
    EligibilityService eligibility;
    @Autowired
    FlowSteps flowSteps;

    @Autowired
    ClosureSubmission submissions;
    @Autowired
    NotificationJobs notifications;
    @Autowired
    AuditIntegrity integrity;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ServletWebServerApplicationContext server;

    private String scrape() throws Exception {
        HttpResponse<String> response = ManagementEndpointsTest.get(managementPort, "/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The sum of the scraped series {@code name} whose labels include every {@code label="value"} given. */
    private static double scraped(String scrape, String name, String... labels) {
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{"))
                .filter(line -> Arrays.stream(labels).allMatch(label -> line.contains(label)))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private double count(String name, String... tags) {
        Search found = registry.find(name).tags(tags);
        return found.counters().stream().mapToDouble(c -> c.count()).sum()
                + found.timers().stream().mapToDouble(t -> t.count()).sum();
    }

    private SubmitClosure submission(String accountId) {
        UUID flow = UUID.randomUUID();
        return WalkedFlow.walked(flowSteps, accountId, flow, VerificationMethod.REAL_NAME_ID_AND_SMS,
                ClosureReason.NO_LONGER_USED, null);
    }

    @Test
    void a_search_through_the_service_is_counted_and_timed_by_kind_in_the_prometheus_scrape() throws Exception {
        String before = scrape();
        search.start(search.parse("138-0013-8001"));
        search.page(search.parse("138-0013-8001"), 0, 20);
        search.page(search.parse("张伟"), 0, 20);
        String after = scrape();

        String phone = "kind=\"phone\"";
        String succeeded = "outcome=\"success\"";
        assertThat(scraped(after, "closure_searches_seconds_count", phone, succeeded)
                - scraped(before, "closure_searches_seconds_count", phone, succeeded)).isEqualTo(1);
        assertThat(scraped(after, "closure_search_pages_seconds_count", phone, succeeded)
                - scraped(before, "closure_search_pages_seconds_count", phone, succeeded)).isEqualTo(1);
        assertThat(scraped(after, "closure_search_pages_seconds_count", "kind=\"text\"")
                - scraped(before, "closure_search_pages_seconds_count", "kind=\"text\"")).isEqualTo(1);
        assertThat(scraped(after, "closure_searches_seconds_sum", phone)).isPositive();
        // Latency buckets, so an operator can alert on a share of slow searches.
        assertThat(after).contains("closure_searches_seconds_bucket{").contains("le=\"0.1\"");
        assertThat(scraped(after, "closure_audit_appends_total", "action=\"ACCOUNT_SEARCH\"")
                - scraped(before, "closure_audit_appends_total", "action=\"ACCOUNT_SEARCH\"")).isEqualTo(1);
        assertThat(after).contains("application=\"closure-console\"");
    }

    @Test
    void an_audit_entry_rolled_back_with_its_action_is_not_counted() {
        double appends = count("closure.audit.appends", "action", "ACCOUNT_SEARCH");
        double searches = count("closure.searches", "kind", "phone");
        transactions.executeWithoutResult(status -> {
            search.start(search.parse("138-0013-8001"));
            status.setRollbackOnly();
        });
        assertThat(count("closure.searches", "kind", "phone")).isEqualTo(searches + 1);
        assertThat(count("closure.audit.appends", "action", "ACCOUNT_SEARCH")).isEqualTo(appends);
    }

    @Test
    void checks_closures_and_notifications_are_counted_by_verdict_outcome_and_status() {
        double closable = count("closure.eligibility.checks", "verdict", "closable");
        double blocked = count("closure.eligibility.checks", "verdict", "blocked");
        double submitted = count("closure.closures", "outcome", "submitted");
        double completed = count("closure.closures", "outcome", "completed");
        double refused = count("closure.closures", "outcome", "refused");
        double queued = count("closure.notifications.queued", "channel", "EMAIL");
        double sent = count("closure.notifications.deliveries", "channel", "EMAIL", "status", "sent", "attempt", "1");

        String closableAccount = accounts.closable();
        SubmitClosure closing = submission(closableAccount);
        flowSteps.preview(closableAccount, closing.flowId());
        submissions.submit(closing);
        String withBalance = accounts.closable();
        accounts.setBalance(withBalance, "12.50");
        eligibility.check(withBalance);
        submissions.submit(submission(withBalance));
        notifications.dispatchDue();

        assertThat(count("closure.eligibility.checks", "verdict", "closable")).isEqualTo(closable + 1);
        assertThat(count("closure.eligibility.checks", "verdict", "blocked")).isEqualTo(blocked + 1);
        assertThat(count("closure.closures", "outcome", "submitted")).isEqualTo(submitted + 1);
        assertThat(count("closure.closures", "outcome", "completed")).isEqualTo(completed + 1);
        assertThat(count("closure.closures", "outcome", "refused")).isEqualTo(refused + 1);
        assertThat(count("closure.notifications.queued", "channel", "EMAIL")).isEqualTo(queued + 1);
        assertThat(count("closure.notifications.deliveries", "channel", "EMAIL", "status", "sent", "attempt", "1"))
                .isGreaterThanOrEqualTo(sent + 1);
    }

    @Test
    @WithMockUser(username = "supervisor1", roles = "SUPERVISOR")
    void an_integrity_check_is_counted_by_its_result() throws Exception {
        double intact = count("closure.audit.verifications", "result", "intact");
        assertThat(integrity.start(null, null).result().get(60, TimeUnit.SECONDS).intact()).isTrue();
        assertThat(count("closure.audit.verifications", "result", "intact")).isEqualTo(intact + 1);
    }

    @Test
    void open_vaadin_sessions_are_a_gauge_that_follows_sessions_opening_and_ending() throws Exception {
        double before = registry.get("closure.ui.sessions.active").gauge().value();
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(registry.get("closure.ui.sessions.active").gauge().value()).isEqualTo(before + 1);

        String sessionId = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow().replaceFirst("JSESSIONID=([^;]+).*", "$1");
        Context context = (Context) ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
        context.getManager().findSession(sessionId).expire();
        assertThat(registry.get("closure.ui.sessions.active").gauge().value()).isEqualTo(before);
    }

    @Test
    @WithMockUser(username = "supervisor1", roles = "SUPERVISOR")
    void the_prometheus_scrape_names_every_metric_an_operator_watches() throws Exception {
        search.start(search.parse("2088000000000001"));
        search.page(search.parse("2088000000000001"), 0, 20);
        integrity.start(null, null).result().get(60, TimeUnit.SECONDS);
        String closableAccount = accounts.closable();
        submissions.submit(submission(closableAccount));
        notifications.dispatchDue();

        String scrape = scrape();
        assertThat(scrape).contains(
                "closure_searches_seconds_count{", "closure_search_pages_seconds",
                "closure_eligibility_checks_total{", "closure_closures_total{",
                "closure_notifications_queued_total{", "closure_notifications_deliveries_total{",
                "closure_audit_appends_total{", "closure_audit_verifications_total{",
                "closure_closures_oldest_due_age_seconds{", "closure_notifications_oldest_queued_age_seconds{",
                "closure_ui_sessions_active{",
                "closure_database_connection_wait_seconds_count{", "closure_database_connection_waiting{",
                // What Spring Boot measures besides: requests, the connection pool, the JVM.
                "http_server_requests_seconds", "hikaricp_connections_active", "jvm_memory_used_bytes");
        for (String outcome : new String[] {"submitted", "refused", "approved", "completed", "rejected", "cancelled", "failed"}) {
            assertThat(scrape).contains("outcome=\"" + outcome + "\"");
        }
        // Read from the database: a number, not NaN.
        assertThat(scraped(scrape, "closure_closures_oldest_due_age_seconds")).isGreaterThanOrEqualTo(0);
        assertThat(scraped(scrape, "closure_notifications_oldest_queued_age_seconds")).isGreaterThanOrEqualTo(0);
    }
}
