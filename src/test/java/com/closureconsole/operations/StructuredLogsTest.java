package com.closureconsole.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.annotation.Configuration;

/**
 * The console's logging settings in a JVM of their own (logging is set up once per JVM): plain
 * text by default, one JSON object a line with {@code CLOSURE_LOG_FORMAT=ecs}, carrying the
 * correlation id.
 */
class StructuredLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Starts Spring Boot with the console's application.properties only, logs one line in a closure step, stops. */
    @Configuration(proxyBeanMethods = false)
    static class LogOneLine {
        public static void main(String[] args) {
            SpringApplication application = new SpringApplication(LogOneLine.class);
            application.setWebApplicationType(WebApplicationType.NONE);
            application.run().close();
            MDC.put(CorrelationIdInLogs.KEY, args[0]);
            LoggerFactory.getLogger("com.closureconsole.closure.ClosureSubmission").info("closure step done");
        }
    }

    private static List<String> run(String format, UUID correlationId) throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, LogOneLine.class.getName(), correlationId.toString()).redirectErrorStream(true);
        builder.environment().remove("CLOSURE_LOG_FORMAT");
        if (format != null) {
            builder.environment().put("CLOSURE_LOG_FORMAT", format);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().filter(line -> line.contains("closure step done")).toList();
    }

    @Test
    void with_closure_log_format_ecs_every_line_is_json_with_the_correlation_id() throws Exception {
        UUID correlationId = UUID.randomUUID();
        List<String> lines = run("ecs", correlationId);
        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.path("message").asText()).isEqualTo("closure step done");
        assertThat(line.path("log").path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("log").path("logger").asText()).isEqualTo("com.closureconsole.closure.ClosureSubmission");
        assertThat(line.path("@timestamp").asText()).isNotBlank();
        assertThat(line.path("service").path("name").asText()).isEqualTo("closure-console");
        assertThat(line.path(CorrelationIdInLogs.KEY).asText()).isEqualTo(correlationId.toString());
    }

    @Test
    void by_default_logs_are_plain_text_for_people() throws Exception {
        List<String> lines = run(null, UUID.randomUUID());
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).doesNotStartWith("{").contains("INFO").contains("closure step done");
    }
}
