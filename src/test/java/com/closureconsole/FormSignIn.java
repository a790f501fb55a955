package com.closureconsole;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signs in over HTTP against the running console, as the login page's form does (CSRF token included). */
public final class FormSignIn {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private FormSignIn() {
    }

    /** Posts the sign-in form and answers where the console redirects to (path and query). */
    public static String signIn(int port, String username, String password) throws IOException, InterruptedException {
        return signIn(URI.create("http://localhost:" + port), username, password);
    }

    /**
     * As {@link #signIn(int, String, String)}, against {@code base} (e.g. {@code http://[::1]:8080})
     * with extra request headers given as name, value, name, value ….
     */
    public static String signIn(URI base, String username, String password, String... headers)
            throws IOException, InterruptedException {
        return signIn(HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build(), base, username, password, headers);
    }

    /**
     * As {@link #signIn(URI, String, String, String...)}, with {@code client} (which keeps the
     * session's cookie for the requests after it; it must not follow redirects).
     */
    public static String signIn(HttpClient client, URI base, String username, String password, String... headers)
            throws IOException, InterruptedException {
        String page = client.send(request(base, "/login", headers).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).as("the login page carries a CSRF token").isTrue();
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> response = client.send(request(base, "/login", headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    private static HttpRequest.Builder request(URI base, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        return headers.length == 0 ? request : request.headers(headers);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
