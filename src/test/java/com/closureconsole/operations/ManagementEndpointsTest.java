package com.closureconsole.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.closureconsole.ConsoleTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The actuator on its own port, over real HTTP, as a load balancer's probes and Prometheus see it. */
@ConsoleTest
class ManagementEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(managementPort, path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void the_management_port_is_not_the_port_staff_use() {
        assertThat(managementPort).isPositive().isNotEqualTo(port);
    }

    @Test
    void liveness_is_up() throws Exception {
        assertThat(json("/actuator/health/liveness").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void readiness_is_up_and_includes_the_database_and_the_migrations() throws Exception {
        JsonNode readiness = json("/actuator/health/readiness");
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").path("migrations").path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").path("readinessState").path("status").asText()).isEqualTo("UP");
        // Components are listed, their details (database product, versions, paths) are not.
        assertThat(readiness.path("components").path("db").has("details")).isFalse();
    }

    @Test
    void info_shows_the_build_version() throws Exception {
        Properties build = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/build-info.properties")) {
            assertThat(in).as("the build writes META-INF/build-info.properties").isNotNull();
            build.load(in);
        }
        JsonNode info = json("/actuator/info");
        assertThat(info.path("build").path("version").asText())
                .isEqualTo(build.getProperty("build.version")).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(info.path("build").path("artifact").asText()).isEqualTo("closure-console");
    }

    @Test
    void only_health_info_and_prometheus_are_exposed() throws Exception {
        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump",
                "/actuator/threaddump", "/actuator/loggers", "/actuator/metrics", "/actuator/mappings"}) {
            assertThat(get(managementPort, path).statusCode()).as(path).isIn(401, 403, 404);
        }
        assertThat(get(managementPort, "/actuator/prometheus").statusCode()).isEqualTo(200);
    }

    @Test
    void the_staff_port_serves_no_actuator() throws Exception {
        HttpResponse<String> response = get(port, "/actuator/health");
        assertThat(response.body()).doesNotContain("\"status\"");
        assertThat(response.statusCode()).isNotEqualTo(200);
    }
}
