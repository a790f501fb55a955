package com.closureconsole.ui.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.closureconsole.ConsoleTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Whatever a browser sends, it lands on a page of the console's own, never Whitelabel or a container page. */
@ConsoleTest
class ErrorPagesTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET, /accounts/%27%3B--, 400",
            "GET, /accounts/%2e%2e/%2e%2e/etc, 400",
            "GET, /a%5Cb, 400",
            "GET, //login, 400",
            "GET, /VAADIN/no-such-file.js, 404",
            "PUT, /, 403",
            "POST, /accounts, 403",
            "GET, /error, 500"})
    void an_error_outside_the_views_is_the_consoles_own_page_in_both_languages(String method, String path, int status)
            throws Exception {
        for (String language : new String[] {"zh-CN", "en"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).header("Accept-Language", language).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(status);
            assertThat(response.body()).contains("id=\"console-error-page\"").doesNotContainIgnoringCase("whitelabel")
                    .doesNotContain("Exception").contains("href=\"/\"")
                    .contains(language.equals("en") ? "Back to the console" : "返回工作台");
        }
    }
}
