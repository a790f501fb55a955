package com.closureconsole.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

/**
 * A PostgreSQL server of a given major version that checks a SCRAM-SHA-256 password on every
 * connection, as an operator's server does: not the console's own embedded cluster. 17 and 16 run
 * from zonky's binaries (16's are copied beside the tests by the build), 15 is Debian's
 * PostgreSQL ({@code apt-get install postgresql-15}, as {@code .ci/run} does), started as the
 * {@code postgres} user when the tests run as root. It can be stopped and started again on the
 * same port and data, to play a database restart under a running console.
 */
public final class ExternalPostgres implements AutoCloseable {

    static final Path DEBIAN_15 = Path.of("/usr/lib/postgresql/15/bin");
    private static final Path POSTGRES_16_JAR = Path.of("target/postgres-binaries/postgres-16.jar");
    /** One resolver per version for the whole run, so zonky unpacks each version's binaries once. */
    private static final PgBinaryResolver POSTGRES_16 = (system, hardware) -> {
        ZipFile jar = new ZipFile(POSTGRES_16_JAR.toFile());
        // The jar holds one archive, postgres-linux-x86_64.txz.
        InputStream archive = jar.getInputStream(jar.stream().filter(entry -> entry.getName().endsWith(".txz"))
                .findFirst().orElseThrow());
        return new java.io.FilterInputStream(archive) {
            @Override
            public void close() throws IOException {
                super.close();
                jar.close();
            }
        };
    };
    private static final String HBA = """
            local all all                scram-sha-256
            host  all all 127.0.0.1/32   scram-sha-256
            host  all all ::1/128        scram-sha-256
            """;

    final int major;
    final String superuserPassword = UUID.randomUUID().toString();
    private final Path folder;
    private final Path data;
    private final int port;
    private EmbeddedPostgres zonky;
    private boolean running;

    private ExternalPostgres(int major) throws IOException {
        this.major = major;
        this.folder = Files.createTempDirectory("closure-external-pg" + major + "-");
        this.data = folder.resolve("data");
        this.port = freePort();
    }

    /** Whether this machine can run the given major version. */
    static boolean available(int major) {
        return switch (major) {
            case 15 -> Files.isExecutable(DEBIAN_15.resolve("postgres"));
            case 16 -> Files.isRegularFile(POSTGRES_16_JAR);
            case 17 -> true;
            default -> false;
        };
    }

    public static ExternalPostgres start(int major) throws IOException {
        ExternalPostgres server = new ExternalPostgres(major);
        server.initialise();
        server.start();
        return server;
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    /** Runs statements as the superuser, each in its own transaction (CREATE DATABASE needs that). */
    void asSuperuser(String database, String... statements) {
        try (Connection connection = connect(database, "postgres", superuserPassword);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A database as the README's "Run in production" has a DBA create it ({@code createuser} and
     * {@code createdb} say the same): its own owner, a UTF-8 character type, nothing else.
     */
    public void createDatabase(String name, String owner, String ownerPassword, boolean ownerMayCreateRoles) {
        asSuperuser("postgres",
                "CREATE ROLE " + owner + " LOGIN " + (ownerMayCreateRoles ? "CREATEROLE " : "")
                        + "PASSWORD '" + ownerPassword + "'",
                "CREATE DATABASE " + name + " OWNER " + owner
                        + " TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'");
    }

    void start() throws IOException {
        if (major == 15) {
            run(pgCtl("start", "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1", "-l",
                    folder.resolve("server.log").toString()));
        } else {
            zonky = EmbeddedPostgres.builder()
                    .setPgBinaryResolver(major == 16 ? POSTGRES_16 : DefaultPostgresBinaryResolver.INSTANCE)
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("pwfile", folder.resolve("pw").toString())
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setConnectConfig("password", superuserPassword)
                    .setDataDirectoryCustomizer(dir -> write(dir.toPath().resolve("pg_hba.conf"), HBA))
                    .start();
        }
        running = true;
    }

    /** Stops the server at once, ending every connection, as a crash or a restart would. */
    void stop() throws IOException {
        if (!running) {
            return;
        }
        if (major == 15) {
            run(pgCtl("stop", "-m", "fast"));
        } else {
            zonky.close();
        }
        running = false;
    }

    @Override
    public void close() throws IOException {
        try {
            stop();
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void initialise() throws IOException {
        write(folder.resolve("pw"), superuserPassword);
        if (major == 15) {
            chownToPostgres();
            run(List.of(DEBIAN_15.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                    "--auth=scram-sha-256", "--pwfile=" + folder.resolve("pw"), "--locale=C.UTF-8", "--encoding=UTF8"));
            write(data.resolve("pg_hba.conf"), HBA);
            chownToPostgres();
        }
        // 16 and 17: zonky runs initdb on the first start, with the password file above.
    }

    private void chownToPostgres() throws IOException {
        if (root()) {
            run(List.of("chown", "-R", "postgres:postgres", folder.toString()));
        }
    }

    private List<String> pgCtl(String... arguments) {
        List<String> command = new ArrayList<>(List.of(DEBIAN_15.resolve("pg_ctl").toString(), "-D", data.toString(), "-w"));
        command.addAll(List.of(arguments));
        return command;
    }

    /** Runs a command of Debian's PostgreSQL, as the postgres user when this is root (initdb refuses root). */
    private static void run(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (root() && !command.get(0).equals("chown")) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).directory(new java.io.File("/tmp")).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", full) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
