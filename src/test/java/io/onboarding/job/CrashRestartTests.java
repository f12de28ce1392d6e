package io.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.onboarding.sandbox.RecordedRequest;
import io.onboarding.sandbox.SandboxAccounts.SandboxUser;
import io.onboarding.sandbox.SandboxMain;
import io.onboarding.OnboardingApplication;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kills the job for real — SIGKILL of a separate JVM running 8 workers — at several points, restarts it
 * with the same command each time, and checks from the sandbox (another JVM, so it remembers everything)
 * that no customer was ordered twice, no admin created twice, and the final report has every row once.
 */
class CrashRestartTests {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final List<String> LANGUAGES = java.util.Arrays.asList("de", "it", "id", "vi", "es", "fr", null);
    private static final List<String> FOREIGN = List.of("foreign-1.com", "foreign-2.com", "foreign-3.com");

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    /** Notices go to a real SMTP server in this JVM, so that a notice sent twice would be seen twice. */
    @org.junit.jupiter.api.extension.RegisterExtension
    static final com.icegreen.greenmail.junit5.GreenMailExtension smtp =
            new com.icegreen.greenmail.junit5.GreenMailExtension(com.icegreen.greenmail.util.ServerSetupTest.SMTP
                    .dynamicPort());

    @Test
    void killedAnywhereTheJobFinishesWithoutOrderingOrCreatingAnythingTwice() throws Exception {
        Map<String, String> expectedOutcomes = new HashMap<>();
        Map<String, String> languages = new HashMap<>();
        Path input = writeFile(expectedOutcomes, languages);
        Process sandbox = startSandbox();
        try {
            String url = sandboxUrl(sandbox);
            post(url, "delay?millis=2", "");

            // 1. mid-chunk: chunks are 10 rows; kill somewhere past the 25th order
            JobProcess job = JobProcess.start(input, url, tmp);
            awaitRequests(url, requests -> count(requests, "customers.insert", true) >= 25);
            job.kill();

            // 2. customers.insert applied by Google, its answer not yet read
            killWhileAnswerHeld(input, url, "customers.insert");

            // 3. users.insert applied, answer not yet read
            killWhileAnswerHeld(input, url, "users.insert");

            // 4. while the reports are written
            post(url, "faults/clear", "");
            job = JobProcess.start(input, url, tmp);
            job.awaitLine(line -> line.contains("Writing the reports into"));
            job.kill();

            // then the same command once more finishes the file
            JobProcess last = JobProcess.start(input, url, tmp);
            // exit code 3: finished, and the file's deliberately bad rows are to be fixed
            assertThat(last.awaitExit()).as(last.output()).isEqualTo(3);
            assertThat(last.output()).contains("did not finish (killed, crashed, stopped or failed); resuming it after its last checkpoint",
                    "Run 1 COMPLETED: 300 rows");

            List<RecordedRequest> requests = requests(url);
            List<SandboxUser> users = json.readValue(get(url, "users"), new TypeReference<List<SandboxUser>>() { });
            assertExactlyOnce(requests, users, expectedOutcomes, languages);
            assertOneNoticeEach(tmp.resolve("reports/customers-run1/results.csv"), last.output());
            assertReport(tmp.resolve("reports/customers-run1/results.csv"), expectedOutcomes);
        } finally {
            sandbox.destroyForcibly();
        }
    }

    /**
     * Starts the job with the 15th {@code call} from now held after it was applied, waits until it is, and
     * kills the job while it waits for the answer. 15 is past the at most 10 rows of a re-processed chunk,
     * whose repeats (409s) also count, so the held one is a fresh call.
     */
    private void killWhileAnswerHeld(Path input, String url, String call) throws Exception {
        int before = requests(url).size();
        post(url, "faults/clear", "");
        post(url, "delay?millis=2", "");
        post(url, "faults", "{\"call\":\"" + call + "\",\"nth\":15,\"kind\":\"HOLD_AFTER_APPLY\",\"hold\":60}");
        JobProcess job = JobProcess.start(input, url, tmp);
        awaitRequests(url, requests -> calls(requests.subList(before, requests.size()), call).size() >= 15);
        // With 8 workers the held call may be logged a little after others; it is held for a minute.
        Thread.sleep(300);
        List<RecordedRequest> since = requests(url);
        assertThat(calls(since.subList(before, since.size()), call)).as(call + " since the fault")
                .filteredOn(RecordedRequest::applied).hasSizeGreaterThanOrEqualTo(5);
        job.kill();
    }

    private void assertExactlyOnce(List<RecordedRequest> requests, List<SandboxUser> users,
            Map<String, String> expectedOutcomes, Map<String, String> languages) {
        Map<String, Long> orders = requests.stream().filter(r -> r.call().equals("customers.insert") && r.applied())
                .collect(Collectors.groupingBy(r -> field(r.body(), "customerDomain"), Collectors.counting()));
        List<String> onboarded = expectedOutcomes.entrySet().stream()
                .filter(e -> e.getValue().startsWith("ONBOARDED")).map(Map.Entry::getKey).toList();
        assertThat(onboarded).hasSize(290);
        assertThat(orders).as("applied orders per domain").hasSize(290).allSatisfy((domain, count) -> {
            assertThat(onboarded).contains(domain);
            assertThat(count).as(domain).isEqualTo(1L);
        });
        Map<String, Long> userCreations = requests.stream().filter(r -> r.call().equals("users.insert") && r.applied())
                .collect(Collectors.groupingBy(r -> field(r.body(), "primaryEmail"), Collectors.counting()));
        assertThat(userCreations).as("applied users.insert per address").hasSize(280)
                .allSatisfy((email, count) -> assertThat(count).as(email).isEqualTo(1L));
        assertThat(users).hasSize(280).allSatisfy(user -> {
            String domain = user.resource().primaryEmail().substring(user.resource().primaryEmail().indexOf('@') + 1);
            String language = languages.get(domain);
            assertThat(user.languageAtCreation()).as("language of " + domain + " before its admin")
                    .isEqualTo(language == null ? "en" : language);
            assertThat(user.superAdmin()).as(domain).isTrue();
        });
    }

    /** 280 domain customers (their domain in the subject) and 10 team customers (their organisation). */
    /**
     * No customer gets two notices. A kill while a message is with the mail server leaves nobody able to say
     * whether it arrived, so such a notice is not sent again: each customer without one must be named as cut
     * short, in its report row or in what the last run printed, and there are at most as many as sends were
     * in flight (8 workers, 4 kills).
     */
    private void assertOneNoticeEach(Path results, String lastOutput) throws Exception {
        Map<String, Long> notices = new HashMap<>();
        for (jakarta.mail.internet.MimeMessage message : smtp.getReceivedMessages()) {
            notices.merge(customerOf(message.getSubject()), 1L, Long::sum);
        }
        assertThat(notices).as("notices per customer").allSatisfy((customer, count) ->
                assertThat(count).as(customer).isEqualTo(1L));
        List<String> cutShort = new ArrayList<>();
        for (String[] row : JobEndToEndTest.readCsv(results, ',').subList(1, 301)) {
            if (row[8].contains("a crash cut its sending")) {
                cutShort.add(row[1]);
            }
        }
        lastOutput.lines().filter(line -> line.matches("  \\S+ \\(to .*\\)"))
                .forEach(line -> cutShort.add(line.trim().split(" ")[0]));
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < 280; i++) {
            if (!notices.containsKey(String.format("crash-%03d.de", i))) {
                missing.add(String.format("crash-%03d.de", i));
            }
        }
        for (int i = 0; i < 10; i++) {
            if (!notices.containsKey("Squadra " + i)) {
                missing.add(String.format("team-crash-%02d.it", i));
            }
        }
        assertThat(cutShort).as("named as cut short").containsAll(missing);
        assertThat(missing).as("customers without a notice").hasSizeLessThanOrEqualTo(8 * 4);
        if (!missing.isEmpty()) {
            assertThat(lastOutput).contains("notices were cut short by a crash", "notify DOMAIN");
        }
    }

    private static String customerOf(String subject) {
        return subject.replaceAll(".*?(crash-\\d{3}\\.de|Squadra \\d+).*", "$1");
    }

    private void assertReport(Path results, Map<String, String> expectedOutcomes) throws Exception {
        List<String[]> rows = JobEndToEndTest.readCsv(results, ',');
        assertThat(rows).hasSize(1 + 300);
        Map<String, String> outcomes = new HashMap<>();
        List<String> lines = new ArrayList<>();
        for (String[] row : rows.subList(1, rows.size())) {
            lines.add(row[0]);
            outcomes.merge(row[1], row[3], (a, b) -> a + "+" + b);
        }
        assertThat(lines).doesNotHaveDuplicates().hasSize(300);
        assertThat(outcomes).isEqualTo(expectedOutcomes);
    }

    /** 280 domain and 10 team customers, 5 invalid rows, 3 foreign domains and 2 in-file duplicates. */
    private Path writeFile(Map<String, String> outcomes, Map<String, String> languages) throws IOException {
        StringBuilder csv = new StringBuilder("customerDomain,customerType,organizationName,contactName,postalCode,"
                + "countryCode,alternateEmail,primaryAdminEmail,language,adminGivenName,adminFamilyName\n");
        for (int i = 0; i < 280; i++) {
            String domain = String.format("crash-%03d.de", i);
            String language = LANGUAGES.get(i % LANGUAGES.size());
            csv.append(domain).append(",domain,Crash ").append(i).append(" GmbH,Kim Kunde,10115,DE,it@example.com,,")
                    .append(language == null ? "" : language).append(",Kim,Kunde\n");
            outcomes.put(domain, "ONBOARDED");
            languages.put(domain, language);
            if (i == 100) {
                for (String foreign : FOREIGN) {
                    csv.append(foreign).append(",domain,Foreign,Fay Foreign,10115,DE,fay@example.com,,de,Fay,Foreign\n");
                    outcomes.put(foreign, "TRANSFER_REQUIRED");
                }
            }
            if (i == 150) {
                for (int bad = 0; bad < 5; bad++) {
                    String domain2 = "invalid-" + bad + ".de";
                    csv.append(domain2).append(",domain,Bad,Bo Bad,1234,DE,bo@example.com,,de,Bo,Bad\n");
                    outcomes.put(domain2, "INVALID");
                }
                csv.append("crash-003.de,domain,Again,Al Again,10115,DE,al@example.com,,de,Al,Again\n");
                csv.append("crash-004.de,domain,Again,Al Again,10115,DE,al@example.com,,de,Al,Again\n");
                outcomes.put("crash-003.de", "ONBOARDED+DUPLICATE_IN_FILE");
                outcomes.put("crash-004.de", "ONBOARDED+DUPLICATE_IN_FILE");
            }
        }
        for (int i = 0; i < 10; i++) {
            String domain = String.format("team-crash-%02d.it", i);
            csv.append(domain).append(",team,Squadra ").append(i).append(",Tea Team,20121,IT,,owner").append(i)
                    .append("@example.com,it,,\n");
            outcomes.put(domain, "ONBOARDED");
        }
        Path file = tmp.resolve("customers.csv");
        Files.writeString(file, csv.toString());
        assertThat(csv.toString().lines().count()).isEqualTo(301);
        return file;
    }

    private Process startSandbox() throws IOException {
        return new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), SandboxMain.class.getName(),
                "--foreign-domains=" + String.join(",", FOREIGN))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .start();
    }

    private static String sandboxUrl(Process sandbox) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("SANDBOX_URL=")) {
                Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }));
                drain.setDaemon(true);
                drain.start();
                return line.substring("SANDBOX_URL=".length());
            }
        }
        throw new IllegalStateException("the sandbox process ended without saying where it listens");
    }

    private void awaitRequests(String url, Predicate<List<RecordedRequest>> condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.test(requests(url))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the sandbox never saw what the test waited for");
            }
            Thread.sleep(20);
        }
    }

    /** The requests of one call; the sandbox's faults count occurrences the same way. */
    private static List<RecordedRequest> calls(List<RecordedRequest> requests, String call) {
        return requests.stream().filter(r -> r.call().equals(call)).toList();
    }

    private static long count(List<RecordedRequest> requests, String call, boolean applied) {
        return requests.stream().filter(r -> r.call().equals(call) && r.applied() == applied).count();
    }

    private List<RecordedRequest> requests(String url) throws Exception {
        return json.readValue(get(url, "requests"), new TypeReference<List<RecordedRequest>>() { });
    }

    private String get(String url, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url + "/_sandbox/" + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private void post(String url, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/_sandbox/" + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    }

    private static String field(String body, String name) {
        return body.replaceAll("(?s).*\"" + name + "\":\"([^\"]+)\".*", "$1");
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The job in a JVM of its own, started exactly as an operator's command would start it. */
    private static final class JobProcess {

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

        static JobProcess start(Path input, String sandboxUrl, Path dir) throws IOException {
            return new JobProcess(new ProcessBuilder(java(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    OnboardingApplication.class.getName(), "run", input.toString(),
                    "--onboarding.sandbox.url=" + sandboxUrl,
                    "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db/onboarding"),
                    "--onboarding.report-dir=" + dir.resolve("reports"),
                    "--onboarding.chunk-size=10", "--onboarding.workers=8",
                    "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort())
                    .redirectErrorStream(true)
                    .start());
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
            System.out.println("[crash test] killing the job after " + (System.nanoTime() - started) / 1_000_000
                    + " ms; its last line: " + (lines.isEmpty() ? "" : lines.get(lines.size() - 1)));
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("killed, not finished:\n" + output()).isEqualTo(137);
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
