package io.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.onboarding.job.Jvms.JobProcess;
import io.onboarding.sandbox.RecordedRequest;
import io.onboarding.sandbox.SandboxAccounts.SandboxUser;
import io.onboarding.testing.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kills the job for real — SIGKILL of a separate JVM running 8 workers — at several points, restarts it
 * with the same command each time, and checks from the sandbox (another JVM, so it remembers everything)
 * that no customer was ordered twice, no admin created twice, and the final report has every row once.
 */
@Tag("slow")
class CrashRestartTests {

    private static final List<String> LANGUAGES = java.util.Arrays.asList("de", "it", "id", "vi", "es", "fr", null);
    private static final List<String> FOREIGN = List.of("foreign-1.com", "foreign-2.com", "foreign-3.com");

    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    /** Notices go to a real SMTP server in this JVM, so that a notice sent twice would be seen twice. */
    @org.junit.jupiter.api.extension.RegisterExtension
    static final com.icegreen.greenmail.junit5.GreenMailExtension smtp =
            new com.icegreen.greenmail.junit5.GreenMailExtension(com.icegreen.greenmail.util.ServerSetupTest.SMTP
                    .dynamicPort());

    /** The embedded default and the shared deployments' database: the guarantee must hold on both. */
    enum Database {
        H2, POSTGRESQL
    }

    /** The database options of every job process of the current test. */
    private List<String> database;

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Database.class)
    void killedAnywhereTheJobFinishesWithoutOrderingOrCreatingAnythingTwice(Database on) throws Exception {
        if (on == Database.H2) {
            database = List.of("--spring.datasource.url=" + Jvms.fileDatabase(tmp));
        } else {
            PostgresServer postgres = PostgresServer.shared();
            database = postgres.datasourceArguments(postgres.createDatabase());
        }
        Map<String, String> expectedOutcomes = new HashMap<>();
        Map<String, String> languages = new HashMap<>();
        Path input = writeFile(expectedOutcomes, languages);
        try (Jvms.Sandbox sandbox = Jvms.startSandbox("--foreign-domains=" + String.join(",", FOREIGN))) {
            sandbox.post("delay?millis=2", "");

            // 1. mid-chunk: chunks are 10 rows; kill somewhere past the 25th order
            JobProcess job = start(input, sandbox);
            sandbox.awaitRequests(requests -> Jvms.calls(requests, "customers.insert").stream()
                    .filter(RecordedRequest::applied).count() >= 25);
            job.kill();

            // 2. customers.insert applied by Google, its answer not yet read
            killWhileAnswerHeld(input, sandbox, "customers.insert");

            // 3. users.insert applied, answer not yet read
            killWhileAnswerHeld(input, sandbox, "users.insert");

            // 4. while the reports are written
            sandbox.post("faults/clear", "");
            job = start(input, sandbox);
            job.awaitLine(line -> line.contains("Writing the reports into"));
            job.kill();

            // then the same command once more finishes the file
            JobProcess last = start(input, sandbox);
            // exit code 3: finished, and the file's deliberately bad rows are to be fixed
            assertThat(last.awaitExit()).as(last.output()).isEqualTo(3);
            assertThat(last.output()).contains("did not finish (killed, crashed, stopped or failed); resuming it after its last checkpoint",
                    "Run 1 COMPLETED: 300 rows");

            List<RecordedRequest> requests = sandbox.requests();
            List<SandboxUser> users = json.readValue(sandbox.get("users"), new TypeReference<List<SandboxUser>>() { });
            assertExactlyOnce(requests, users, expectedOutcomes, languages);
            assertOneNoticeEach(tmp.resolve("reports/customers-run1/results.csv"), last.output());
            assertReport(tmp.resolve("reports/customers-run1/results.csv"), expectedOutcomes);
        }
    }

    /** The operator's command, with 8 workers, chunks of 10 and notices to the SMTP server of this JVM. */
    private JobProcess start(Path input, Jvms.Sandbox sandbox) throws IOException {
        List<String> options = new ArrayList<>(database);
        options.addAll(List.of("--onboarding.chunk-size=10", "--onboarding.workers=8", "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort()));
        return JobProcess.run(input, sandbox.url(), tmp, options.toArray(String[]::new));
    }

    /**
     * Starts the job with the 15th {@code call} from now held after it was applied, waits until it is, and
     * kills the job while it waits for the answer. 15 is past the at most 10 rows of a re-processed chunk,
     * whose repeats (409s) also count, so the held one is a fresh call.
     */
    private void killWhileAnswerHeld(Path input, Jvms.Sandbox sandbox, String call) throws Exception {
        int before = sandbox.requests().size();
        sandbox.post("faults/clear", "");
        sandbox.post("delay?millis=2", "");
        sandbox.post("faults", "{\"call\":\"" + call + "\",\"nth\":15,\"kind\":\"HOLD_AFTER_APPLY\",\"hold\":60}");
        JobProcess job = start(input, sandbox);
        sandbox.awaitRequests(requests -> Jvms.calls(requests.subList(before, requests.size()), call).size() >= 15);
        // With 8 workers the held call may be logged a little after others; it is held for a minute.
        Thread.sleep(300);
        List<RecordedRequest> since = sandbox.requests();
        assertThat(Jvms.calls(since.subList(before, since.size()), call)).as(call + " since the fault")
                .filteredOn(RecordedRequest::applied).hasSizeGreaterThanOrEqualTo(5);
        job.kill();
    }

    private void assertExactlyOnce(List<RecordedRequest> requests, List<SandboxUser> users,
            Map<String, String> expectedOutcomes, Map<String, String> languages) {
        Map<String, Long> orders = requests.stream().filter(r -> r.call().equals("customers.insert") && r.applied())
                .collect(Collectors.groupingBy(r -> Jvms.field(r.body(), "customerDomain"), Collectors.counting()));
        List<String> onboarded = expectedOutcomes.entrySet().stream()
                .filter(e -> e.getValue().startsWith("ONBOARDED")).map(Map.Entry::getKey).toList();
        assertThat(onboarded).hasSize(290);
        assertThat(orders).as("applied orders per domain").hasSize(290).allSatisfy((domain, count) -> {
            assertThat(onboarded).contains(domain);
            assertThat(count).as(domain).isEqualTo(1L);
        });
        Map<String, Long> userCreations = requests.stream().filter(r -> r.call().equals("users.insert") && r.applied())
                .collect(Collectors.groupingBy(r -> Jvms.field(r.body(), "primaryEmail"), Collectors.counting()));
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
}
