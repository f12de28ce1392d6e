package io.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.onboarding.OnboardingApplication;
import io.onboarding.sandbox.RecordedRequest;
import io.onboarding.sandbox.SandboxMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The job and the sandbox in JVMs of their own, as an operator's commands start them, for the tests that kill
 * processes or run several at once: the sandbox in its own JVM remembers everything whatever happens to them.
 */
final class Jvms {

    static final Duration PATIENCE = Duration.ofSeconds(90);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Jvms() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The standalone sandbox (SandboxMain) with these arguments, and the URL it listens on. */
    static Sandbox startSandbox(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
                SandboxMain.class.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("SANDBOX_URL=")) {
                Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }));
                drain.setDaemon(true);
                drain.start();
                return new Sandbox(process, line.substring("SANDBOX_URL=".length()));
            }
        }
        throw new IllegalStateException("the sandbox process ended without saying where it listens");
    }

    /** A sandbox JVM and what its control endpoints say. */
    record Sandbox(Process process, String url) implements AutoCloseable {

        List<RecordedRequest> requests() throws Exception {
            return JSON.readValue(get("requests"), new TypeReference<List<RecordedRequest>>() { });
        }

        /** Applied requests of a call, counted per value of a body field (customerDomain, primaryEmail). */
        Map<String, Long> applied(String call, String field) throws Exception {
            return requests().stream().filter(r -> r.call().equals(call) && r.applied())
                    .collect(Collectors.groupingBy(r -> field(r.body(), field), Collectors.counting()));
        }

        void awaitRequests(Predicate<List<RecordedRequest>> condition) throws Exception {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!condition.test(requests())) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the sandbox never saw what the test waited for");
                }
                Thread.sleep(20);
            }
        }

        String get(String path) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/_sandbox/" + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }

        void post(String path, String body) throws Exception {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/_sandbox/" + path))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    /** An H2 file of one process at a time in {@code dir}, as the job's default is. */
    static String fileDatabase(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("db/onboarding");
    }

    /**
     * A database server in this JVM, on loopback, for job processes that run at the same time: like the shared
     * database of several instances. (H2's AUTO_SERVER hands its server from the process that opened the file to
     * another one when it exits, and a transaction in flight across that hand-over fails.)
     */
    static DatabaseServer startDatabaseServer(Path dir) throws java.sql.SQLException {
        org.h2.tools.Server server = org.h2.tools.Server.createTcpServer("-tcpPort", "0", "-ifNotExists",
                "-baseDir", dir.toString()).start();
        return new DatabaseServer(server, "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/./onboarding");
    }

    /** An H2 server started by {@link #startDatabaseServer}. */
    record DatabaseServer(org.h2.tools.Server server, String url) implements AutoCloseable {
        @Override
        public void close() {
            server.stop();
        }
    }

    static String field(String body, String name) {
        return body.replaceAll("(?s).*\"" + name + "\":\"([^\"]+)\".*", "$1");
    }

    /** The requests of one call; the sandbox's faults count occurrences the same way. */
    static List<RecordedRequest> calls(List<RecordedRequest> requests, String call) {
        return requests.stream().filter(r -> r.call().equals(call)).toList();
    }

    /** The job in a JVM of its own, started exactly as an operator's command would start it. */
    static final class JobProcess {

        private final Process process;
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private final long started = System.nanoTime();

        private JobProcess(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    out.lines().forEach(lines::add);
                } catch (IOException ignored) {
                    // The process was killed.
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        /** {@code java -cp ... OnboardingApplication <arguments>} with a 256 MB heap. */
        static JobProcess start(String... arguments) throws IOException {
            return startOn(null, arguments);
        }

        /** As {@link #start}, as if on another host: the process's host name (HOSTNAME) is {@code host}. */
        static JobProcess startOn(String host, String... arguments) throws IOException {
            List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-cp",
                    System.getProperty("java.class.path"), OnboardingApplication.class.getName()));
            command.addAll(List.of(arguments));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (host != null) {
                builder.environment().put("HOSTNAME", host);
            }
            return new JobProcess(builder.start());
        }

        /**
         * {@code run FILE} against the sandbox, with its database (a URL, e.g. {@link #fileDatabase}) and its
         * reports in {@code dir/reports}, plus more options.
         */
        static JobProcess run(Path input, String sandboxUrl, String databaseUrl, Path dir, String... options)
                throws IOException {
            return run(input, sandboxUrl, dir, Stream.concat(Stream.of("--spring.datasource.url=" + databaseUrl),
                    Stream.of(options)).toArray(String[]::new));
        }

        /** As above, the database among the options (a URL and its login, e.g. a PostgreSQL server's). */
        static JobProcess run(Path input, String sandboxUrl, Path dir, String... options) throws IOException {
            return start(Stream.concat(Stream.of("run", input.toString(), "--onboarding.sandbox.url=" + sandboxUrl,
                    "--onboarding.report-dir=" + dir.resolve("reports")), Stream.of(options)).toArray(String[]::new));
        }

        void awaitLine(Predicate<String> condition) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (true) {
                synchronized (lines) {
                    if (lines.stream().anyMatch(condition)) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new AssertionError("the job never printed the awaited line:\n" + output());
                }
                Thread.sleep(1);
            }
        }

        /** SIGKILL: no shutdown hook, no finally block, nothing flushed. */
        void kill() throws InterruptedException {
            System.out.println("[jvm test] killing the job after " + (System.nanoTime() - started) / 1_000_000
                    + " ms; its last line: " + (lines.isEmpty() ? "" : lines.get(lines.size() - 1)));
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("killed, not finished:\n" + output()).isEqualTo(137);
        }

        long pid() {
            return process.pid();
        }

        int awaitExit() throws InterruptedException {
            assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as(output()).isTrue();
            return process.exitValue();
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }
    }
}
