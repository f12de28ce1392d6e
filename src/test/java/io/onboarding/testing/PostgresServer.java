package io.onboarding.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.util.FileSystemUtils;

/**
 * A real PostgreSQL server for tests, started by the build itself (no Docker, nothing installed): PostgreSQL's binaries
 * from the test classpath, a fresh cluster in a temporary directory, listening on 127.0.0.1 and a free port with a
 * password, run as an unprivileged user when the JVM is root. {@link #shared()} is the one server of a test JVM; tests
 * that need an empty database take their own with {@link #createDatabase()}. When no server can be started, starting
 * throws with PostgreSQL's own words: a PostgreSQL test fails, never skips.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int PORT_ATTEMPTS = 3;
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer shared;
    private static RuntimeException sharedFailure;

    private final Path binaries;
    private final ServerUser user;
    private final Path directory;
    private final String password;
    private int port;
    private boolean closed;

    private PostgresServer(Path binaries, ServerUser user) throws IOException {
        this.binaries = binaries;
        this.user = user;
        this.directory = Files.createTempDirectory("onboarding-postgres-cluster-");
        this.password = Base64.getUrlEncoder().withoutPadding().encodeToString(new SecureRandom().generateSeed(18));
    }

    /** The server of this test JVM, started on first use (a few seconds) and stopped when the JVM ends. */
    public static synchronized PostgresServer shared() {
        if (sharedFailure != null) {
            // Tried once per JVM: a start that times out must not cost every PostgreSQL test another minute.
            throw new IllegalStateException(sharedFailure.getMessage(), sharedFailure);
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (RuntimeException e) {
                sharedFailure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "postgres-server-stop"));
        }
        return shared;
    }

    /** A server of the caller's own, which the caller closes. */
    public static PostgresServer start() {
        return start(PostgresBinaries.unpacked(), ServerUser.forThisJvm());
    }

    static PostgresServer start(Path binaries, ServerUser user) {
        PostgresServer server;
        try {
            server = new PostgresServer(binaries, user);
        } catch (IOException e) {
            throw new UncheckedIOException("No temporary directory for PostgreSQL's cluster", e);
        }
        try {
            server.initdb();
            server.startOnAFreePort();
            server.awaitConnections();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    /** The cluster's directory: its data/, its log and nothing else; deleted on close. */
    public Path directory() {
        return directory;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, password);
    }

    /** A new, empty database on this server, so that tests sharing the server do not see each other's rows. */
    public String createDatabase() {
        String name = "onboarding_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            return name;
        } catch (SQLException e) {
            throw new IllegalStateException("CREATE DATABASE " + name + " failed", e);
        }
    }

    /** The command-line arguments that point a Spring Boot application at {@code database} on this server. */
    public List<String> datasourceArguments(String database) {
        return List.of("--spring.datasource.url=" + jdbcUrl(database), "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + password);
    }

    /** Stops the server (at once: its files go next) and deletes its files. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Path data = directory.resolve("data");
        if (Files.exists(data.resolve("postmaster.pid"))) {
            // Immediate: no shutdown checkpoint for a cluster about to be deleted. -w waits until the postmaster has
            // ended its children, closed its port and removed postmaster.pid.
            run("pg_ctl", "stop", "-D", data.toString(), "-m", "immediate", "-w", "-t", "30");
        }
        try {
            FileSystemUtils.deleteRecursively(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL's cluster could not be deleted: " + directory, e);
        }
    }

    private void initdb() {
        Path passwordFile = directory.resolve("password");
        try {
            user.own(directory);
            Files.writeString(passwordFile, password);
            user.own(passwordFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // --no-sync: a test cluster need not survive the machine's crash, and it saves a second of fsyncs.
        int exit = run("initdb", "-D", directory.resolve("data").toString(), "-U", USER, "--pwfile=" + passwordFile,
                "--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions");
        try {
            Files.delete(passwordFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (exit != 0) {
            throw failure("initdb exited " + exit, "initdb.log");
        }
    }

    private void startOnAFreePort() {
        for (int attempt = 1; ; attempt++) {
            port = freePort();
            // Only TCP on loopback: no Unix socket in a directory shared with other builds. Durability as production
            // states it: synchronous_commit on (PostgreSQL's default, said out loud).
            int exit = run("pg_ctl", "start", "-D", directory.resolve("data").toString(), "-l",
                    directory.resolve("server.log").toString(), "-w", "-t", String.valueOf(START_TIMEOUT.toSeconds()),
                    "-o", "-c listen_addresses=127.0.0.1 -p " + port + " -c unix_socket_directories='' "
                            + "-c synchronous_commit=on");
            if (exit == 0) {
                return;
            }
            // Another process may have taken the port between our look and the server's bind.
            if (attempt == PORT_ATTEMPTS || !log("server.log").contains("could not bind")) {
                throw failure("pg_ctl start exited " + exit + " (port " + port + ")", "pg_ctl.log", "server.log");
            }
        }
    }

    private void awaitConnections() {
        // pg_ctl -w has already waited for postmaster.pid to say "ready"; a connection proves password and port too.
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        for (;;) {
            try (Connection connection = connect("postgres")) {
                return;
            } catch (SQLException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("PostgreSQL started but took no connection on port " + port
                            + " within " + START_TIMEOUT.toSeconds() + " s: " + e.getMessage() + "\n" + log("server.log"), e);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            }
        }
    }

    /** Runs one of PostgreSQL's programs as the server's user; its output goes to a log of the same name. */
    private int run(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(binaries.resolve("bin").resolve(program).toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(user.command(command))
                // The server's user may not enter the build's working directory, and initdb looks at it.
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve(program + ".log").toFile()));
        // The build's own PGPORT, PGDATA, ... must not steer the test server.
        builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
        builder.environment().put("LC_ALL", "C");
        try {
            Process process = builder.start();
            if (!process.waitFor(START_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw failure(program + " did not finish within " + START_TIMEOUT.toSeconds() + " s", program + ".log");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL could not be started for the tests: " + command.get(0)
                    + " could not be run (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private IllegalStateException failure(String what, String... logNames) {
        StringBuilder message = new StringBuilder("PostgreSQL could not be started for the tests");
        if (!user.isSelf()) {
            message.append(" as uid ").append(user.uid()).append(" (").append(ServerUser.UNPRIVILEGED)
                    .append(", since the JVM runs as root)");
        }
        message.append(": ").append(what).append(". Binaries: ").append(binaries).append('.');
        for (String logName : logNames) {
            message.append('\n').append(logName).append(":\n").append(log(logName));
        }
        return new IllegalStateException(message.toString());
    }

    private String log(String name) {
        try {
            Path file = directory.resolve(name);
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(none)";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1 for PostgreSQL", e);
        }
    }
}
