package com.closureconsole.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.closureconsole.ConsoleTest;
import com.closureconsole.FormSignIn;
import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The console behind a load balancer, over real HTTP. The test context trusts 127.0.0.1 as a
 * proxy; a request over ::1 is a client that connects directly.
 */
@ConsoleTest
class BehindLoadBalancerTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ServletWebServerApplicationContext server;

    private URI viaProxy() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private URI direct() {
        try (Socket probe = new Socket(InetAddress.getByName("::1"), port)) {
            return URI.create("http://[::1]:" + port);
        } catch (Exception e) {
            Assumptions.abort("Skipped: no IPv6 loopback to connect from as an untrusted client (" + e + ")");
            return null;
        }
    }

    private String recordedAddressOfFailedSignIn(URI base, String... headers) throws Exception {
        String typed = "nobody_" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(FormSignIn.signIn(base, typed, "wrong", headers)).isEqualTo("/login?error");
        // An unknown name enters the trail masked ("n***"): the newest such failure is this one.
        return jdbc.queryForObject("SELECT client_address FROM audit_entry WHERE action = 'SIGN_IN_FAILED' AND actor = ?"
                + " ORDER BY id DESC LIMIT 1", String.class, typed.charAt(0) + "***");
    }

    private static HttpResponse<String> get(URI base, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    }

    @Test
    void x_forwarded_for_from_a_client_that_is_not_a_trusted_proxy_is_ignored() throws Exception {
        URI direct = direct();
        assertThat(recordedAddressOfFailedSignIn(direct, "X-Forwarded-For", "203.0.113.9"))
                .isEqualTo("0:0:0:0:0:0:0:1");
    }

    @Test
    void from_a_trusted_proxy_the_right_most_address_that_is_not_a_trusted_proxy_is_recorded() throws Exception {
        assertThat(recordedAddressOfFailedSignIn(viaProxy())).isEqualTo("127.0.0.1");
        // What the client wrote itself (the left-most entry) is not believed.
        assertThat(recordedAddressOfFailedSignIn(viaProxy(), "X-Forwarded-For", "203.0.113.9, 198.51.100.7"))
                .isEqualTo("198.51.100.7");
        assertThat(recordedAddressOfFailedSignIn(viaProxy(), "X-Forwarded-For", "198.51.100.7, 127.0.0.1"))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void a_successful_sign_in_through_the_proxy_records_the_client() throws Exception {
        long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_entry", Long.class);
        assertThat(FormSignIn.signIn(viaProxy(), "agent2", "demo123", "X-Forwarded-For", "198.51.100.23")).isEqualTo("/");
        assertThat(jdbc.queryForObject("SELECT client_address FROM audit_entry WHERE action = 'SIGN_IN' AND actor = 'agent2' AND id > ?",
                String.class, before)).isEqualTo("198.51.100.23");
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site_and_secure_when_the_proxy_says_https() throws Exception {
        String plain = sessionCookie(get(viaProxy(), "/login"));
        assertThat(plain).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");

        String overHttps = sessionCookie(get(viaProxy(), "/login", "X-Forwarded-Proto", "https"));
        assertThat(overHttps).contains("HttpOnly").contains("SameSite=Lax").contains("Secure");

        // A client cannot make its connection count as HTTPS by saying so.
        String claimed = sessionCookie(get(direct(), "/login", "X-Forwarded-Proto", "https"));
        assertThat(claimed).doesNotContain("Secure");
    }

    @Test
    void every_page_carries_the_content_security_policy_and_https_ones_hsts() throws Exception {
        HttpResponse<String> plain = get(viaProxy(), "/login");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Security-Policy")).contains(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY).contains("frame-ancestors 'none'", "default-src 'self'");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(plain.headers().firstValue("Referrer-Policy")).contains("same-origin");

        HttpResponse<String> overHttps = get(viaProxy(), "/login", "X-Forwarded-Proto", "https");
        assertThat(overHttps.headers().firstValue("Strict-Transport-Security"))
                .contains("max-age=" + Duration.ofDays(365).toSeconds() + " ; includeSubDomains");
        assertThat(overHttps.headers().firstValue("Content-Security-Policy")).contains(SecurityConfiguration.CONTENT_SECURITY_POLICY);

        assertThat(get(direct(), "/login", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void a_session_older_than_its_absolute_lifetime_ends_and_its_user_is_sent_to_sign_in() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String csrf = client.send(HttpRequest.newBuilder(viaProxy().resolve("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body().replaceFirst("(?s).*<meta name=\"_csrf\" content=\"([^\"]+)\".*", "$1");
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(viaProxy().resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=agent1&password=demo123&_csrf=" + csrf)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/"));
        HttpResponse<String> home = client.send(HttpRequest.newBuilder(viaProxy().resolve("/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).as("signed in, the home page is served").isEqualTo(200);

        String sessionId = sessionId(cookies);
        Session session = sessions().findSession(sessionId);
        assertThat(session).isNotNull();
        session.setCreationTime(System.currentTimeMillis() - Duration.ofHours(12).plusMinutes(1).toMillis());
        // Tomcat moves the last access along with the creation time: used just now, so not idle.
        session.access();
        session.endAccess();

        HttpResponse<String> later = client.send(HttpRequest.newBuilder(viaProxy().resolve("/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(later.statusCode()).isEqualTo(302);
        assertThat(later.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        assertThat(sessions().findSession(sessionId)).as("the old session is gone").isNull();
        Session replacement = sessions().findSession(sessionId(cookies));
        assertThat(replacement.getSession().getAttribute(SessionLifetimeFilter.ENDED)).isNotNull();
    }

    private static String sessionId(CookieManager cookies) {
        List<HttpCookie> all = cookies.getCookieStore().getCookies();
        return all.stream().filter(cookie -> cookie.getName().equals("JSESSIONID")).findFirst().orElseThrow().getValue();
    }

    private Manager sessions() {
        TomcatWebServer tomcat = (TomcatWebServer) server.getWebServer();
        Context context = (Context) tomcat.getTomcat().getHost().findChildren()[0];
        return context.getManager();
    }
}
