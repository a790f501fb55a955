package com.closureconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.closureconsole.ConsoleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Sign-ins and failed sign-ins over HTTP land in the trail with the client's address. */
@ConsoleTest
class AuditSignInTest {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_failed_sign_in_is_recorded_with_the_name_typed_and_the_address() throws Exception {
        String typed = "Nobody_" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(signIn(typed, "wrong")).isEqualTo("/login?error");

        Map<String, Object> entry = jdbc.queryForMap("""
                SELECT action, outcome, actor_role, client_address, details ->> 'reason' AS reason
                  FROM audit_entry WHERE actor = ?""", typed.toLowerCase());
        assertThat(entry).containsEntry("action", "SIGN_IN_FAILED").containsEntry("outcome", "FAILURE")
                .containsEntry("client_address", "127.0.0.1").containsEntry("reason", "BAD_CREDENTIALS");
        assertThat(entry.get("actor_role")).isNull();
    }

    @Test
    void a_sign_in_is_recorded_with_the_role() throws Exception {
        long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_entry", Long.class);
        assertThat(signIn("supervisor1", "demo123")).isEqualTo("/");

        assertThat(jdbc.queryForMap("""
                SELECT actor_role, outcome, client_address FROM audit_entry
                 WHERE action = 'SIGN_IN' AND actor = 'supervisor1' AND id > ?""", before))
                .containsEntry("actor_role", "SUPERVISOR").containsEntry("outcome", "SUCCESS")
                .containsEntry("client_address", "127.0.0.1");
    }

    private String signIn(String username, String password) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = client.send(HttpRequest.newBuilder(url("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).isTrue();
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
