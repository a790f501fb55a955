package com.closureconsole.perf;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.closureconsole.FormSignIn;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * How long the production jar takes from its start to the first agent signed in: the process is
 * started, then the sign-in page is asked for until it answers, then agent1 signs in with the form
 * (CSRF token included) and the console's page after the sign-in is loaded. Measured as a demo on
 * its embedded database, on a new data folder and on a restart, for the jar as built and for its
 * extracted form with the class-data archive the {@code production} build makes (README, Run in
 * production). Target: 10 s. Writes {@code docs/benchmarks-start.json} and its section of
 * {@code docs/benchmarks.md}.
 *
 * <pre>mvn -Pproduction -DskipTests package &amp;&amp; mvn -Pperf test-compile exec:exec@jar-start</pre>
 */
public final class JarStart {

    static final String START = "<!-- jar start: start (written by JarStart) -->";
    static final String END = "<!-- jar start: end -->";
    static final String COMMAND = "mvn -Pproduction -DskipTests package && mvn -Pperf test-compile exec:exec@jar-start";
    static final Duration TARGET = Duration.ofSeconds(10);
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final String JAR = "closure-console-1.0.0-SNAPSHOT.jar";

    private JarStart() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of("target");
        Path jar = target.resolve(JAR);
        Path extracted = target.resolve("closure-console");
        Path archive = extracted.resolve("closure-console.jsa");
        for (Path needed : List.of(jar, extracted.resolve(JAR), archive)) {
            if (!Files.exists(needed)) {
                throw new IllegalStateException(needed + " is missing: build it first with mvn -Pproduction -DskipTests package");
            }
        }
        int rounds = Integer.getInteger("perf.start.rounds", 3);
        Path work = target.resolve("jar-start");
        deleteTree(work);
        // Each started as the README says: the extracted form from its own folder.
        Map<String, List<String>> forms = new LinkedHashMap<>();
        forms.put("jar as built", List.of("-jar", jar.toString()));
        forms.put("extracted, with the class-data archive",
                List.of("-XX:SharedArchiveFile=closure-console.jsa", "-jar", JAR));
        Map<String, Path> folders = Map.of("jar as built", Path.of("."), "extracted, with the class-data archive", extracted);
        List<Map<String, Object>> results = new ArrayList<>();
        for (Map.Entry<String, List<String>> form : forms.entrySet()) {
            List<Double> fresh = new ArrayList<>();
            List<Double> restart = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                Path data = work.resolve("data-" + results.size() + "-" + round);
                fresh.add(timeToFirstSignIn(form.getValue(), folders.get(form.getKey()), data));
                restart.add(timeToFirstSignIn(form.getValue(), folders.get(form.getKey()), data));
                System.out.printf(Locale.ROOT, "%s, round %d: new data folder %.1f s, restart %.1f s%n", form.getKey(),
                        round + 1, fresh.get(round), restart.get(round));
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("form", form.getKey());
            result.put("java", form.getValue());
            result.put("newDataFolderSeconds", fresh);
            result.put("restartSeconds", restart);
            result.put("newDataFolderMedianSeconds", median(fresh));
            result.put("restartMedianSeconds", median(restart));
            result.put("met", median(fresh) <= TARGET.toSeconds() && median(restart) <= TARGET.toSeconds());
            results.add(result);
        }
        deleteTree(work);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("measuredAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        report.put("command", COMMAND);
        report.put("machine", Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));
        report.put("rounds", rounds);
        report.put("targetSeconds", TARGET.toSeconds());
        report.put("results", results);
        Path docs = Path.of("docs");
        Files.createDirectories(docs);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(docs.resolve("benchmarks-start.json").toFile(), report);
        MarkdownSections.replace(docs.resolve("benchmarks.md"), START, END, section(report));
        System.out.println("jar start: " + results);
    }

    /** Starts the console as a demo on {@code data}, signs agent1 in, stops it; answers the seconds from start to signed in. */
    private static double timeToFirstSignIn(List<String> form, Path folder, Path data) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(form);
        command.addAll(List.of("--server.port=" + port, "--management.server.port=" + freePort()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Files.createDirectories(data.toAbsolutePath()).resolveSibling(data.getFileName() + ".log").toFile()));
        builder.environment().put("CLOSURE_DEMO", "true");
        builder.environment().put("CLOSURE_DATA_DIR", data.resolve("postgres").toAbsolutePath().toString());
        builder.environment().put("CLOSURE_AUDIT_DIR", data.resolve("audit").toAbsolutePath().toString());
        long started = System.nanoTime();
        Process console = builder.start();
        try {
            URI base = URI.create("http://localhost:" + port);
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(1)).build();
            long deadline = started + PATIENCE.toNanos();
            while (!answers(client, base.resolve("/login"))) {
                if (!console.isAlive()) {
                    throw new IllegalStateException("the console stopped while starting; see " + data + ".log");
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the console did not answer within " + PATIENCE + "; see " + data + ".log");
                }
                Thread.sleep(50);
            }
            String landing = FormSignIn.signIn(client, base, "agent1", "demo123");
            if (landing.contains("error")) {
                throw new IllegalStateException("agent1 could not sign in: redirected to " + landing);
            }
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(base.resolve(landing)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200) {
                throw new IllegalStateException("the page after signing in answered " + page.statusCode());
            }
            return Latencies.round((System.nanoTime() - started) / 1e9);
        } finally {
            console.destroy();
            if (!console.waitFor(60, TimeUnit.SECONDS)) {
                console.destroyForcibly().waitFor();
            }
        }
    }

    private static boolean answers(HttpClient client, URI uri) throws InterruptedException {
        try {
            return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    static String section(Map<String, Object> report) {
        StringBuilder md = new StringBuilder(START).append("\n## Start of the production jar\n\n");
        md.append("`").append(report.get("command")).append("`: from starting the process to agent1 signed in with the form "
                + "and the page after it loaded, as a demo on its embedded database, ").append(report.get("rounds"))
                .append(" rounds each (median; every round in `docs/benchmarks-start.json`), on ")
                .append(report.get("machine")).append(", measured ").append(report.get("measuredAt")).append(". Target: ")
                .append(report.get("targetSeconds")).append(" s.\n\n");
        md.append("| form | new data folder | restart | target |\n|---|---:|---:|---|\n");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) report.get("results");
        for (Map<String, Object> result : results) {
            md.append("| ").append(result.get("form")).append(" | ").append(result.get("newDataFolderMedianSeconds"))
                    .append(" s | ").append(result.get("restartMedianSeconds")).append(" s | ")
                    .append(Boolean.TRUE.equals(result.get("met")) ? "met" : "**missed**").append(" |\n");
        }
        md.append("\nThe documented start (README, Run in production) is the extracted form with the archive; the jar as "
                + "built loads every class from nested jars and verifies it afresh on each start.\n").append(END).append('\n');
        return md.toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : Latencies.round((sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
