package io.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.onboarding.job.Jvms.JobProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, "a sandbox as durable as the ledger": in sandbox mode, with the default database settings and one data
 * folder, a later process knows what an earlier one created at the embedded sandbox — so kill and resume, a
 * re-submitted PARTIAL row and {@code notify} work as they do against Google. Each command is a JVM of its own, as
 * an operator's; the first process of a scenario gets test faults ({@code TestSandboxConfiguration}), the later
 * ones run exactly as shipped.
 */
@Tag("slow")
class SandboxAcrossProcessesTests {

    private static final String HEADER = "customerDomain,organizationName,contactName,postalCode,countryCode,"
            + "alternateEmail,language,adminGivenName,adminFamilyName\n";
    private static final String WITH_TEST_SANDBOX =
            "--spring.main.sources=io.onboarding.sandbox.TestSandboxConfiguration";
    private static final Pattern PROGRESS = Pattern.compile("(\\d+)/(\\d+) rows");

    @TempDir
    Path tmp;

    @Test
    void aRunKilledMidRunIsResumedByTheNextProcessWithoutOrderingAnythingTwice() throws Exception {
        // given a file of 40 customers, and a first process killed while it orders them (each call held 25 ms)
        List<String> domains = IntStream.range(0, 40).mapToObj(i -> String.format("kill-%02d.de", i)).toList();
        Path input = file("customers.csv", domains);
        JobProcess first = job("run", input.toString(), WITH_TEST_SANDBOX, "--test-sandbox.delay-millis=25",
                "--onboarding.workers=2", "--onboarding.chunk-size=5", "--onboarding.progress-interval=100ms");
        first.awaitLine(line -> rowsDone(line) >= 12);
        first.kill();

        // when the same command runs again in a new process
        JobProcess second = job("run", input.toString());

        // then it resumes the run and completes every row, each customer ordered once, with an id of its own
        assertThat(second.awaitExit()).as(second.output()).isZero();
        assertThat(second.output()).contains("resuming it after its last checkpoint", "Run 1 COMPLETED: 40 rows");
        Map<String, String> ledger = ledgerCustomerIds();
        assertThat(ledger).containsOnlyKeys(domains);
        assertThat(ledger.values()).doesNotHaveDuplicates();
        assertThat(sandboxCustomerIds()).as("the sandbox's customers").containsAllEntriesOf(ledger).hasSize(41);
        assertThat(sandboxSuperAdmins()).hasSize(40).containsOnly(true);
    }

    @Test
    void notifyAndAReSubmittedPartialRowWorkInLaterProcesses() throws Exception {
        // given a first process that completed one customer, and in which Google refused to make the admins of
        // two others super admins: PARTIAL rows
        List<String> partial = List.of("partial-1.de", "partial-2.de");
        JobProcess monday = job("run", file("monday.csv", List.of("xn--bckerei-mller-bfb28a.de", "partial-1.de",
                "partial-2.de")).toString(), WITH_TEST_SANDBOX, "--test-sandbox.refuse=users.makeAdmin:partial");
        assertThat(monday.awaitExit()).as(monday.output()).isEqualTo(3);
        assertThat(monday.output()).contains("ONBOARDED            1", "PARTIAL              2");
        Map<String, String> ordered = query("onboarding", "sa",
                "SELECT CUSTOMER_DOMAIN, CUSTOMER_ID FROM PROVISIONING_LEDGER");

        // when a later process sends the complete customer's notice again (a new password for its admin first),
        // and another one runs the PARTIAL rows re-submitted in a new file
        JobProcess notify = job("notify", "xn--bckerei-mller-bfb28a.de");
        int notified = notify.awaitExit();
        JobProcess tuesday = job("run", file("tuesday.csv", partial).toString());
        int resubmitted = tuesday.awaitExit();

        // then both succeed: the notice is written, and the rows are completed on the customers ordered on Monday
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(notified).as(notify.output()).isZero();
            softly.assertThat(resubmitted).as(tuesday.output()).isZero();
        });
        try (Stream<Path> files = Files.walk(tmp.resolve("reports"))) {
            assertThat(files.map(file -> tmp.resolve("reports").relativize(file).toString())
                    .filter(file -> file.startsWith("notices-") && file.endsWith(".eml"))).hasSize(1);
        }
        assertThat(ledgerCustomerIds()).isEqualTo(ordered);
        assertThat(sandboxCustomerIds()).containsAllEntriesOf(ordered).hasSize(4);
        assertThat(sandboxSuperAdmins()).containsExactly(true, true, true);
    }

    /** An operator's command in sandbox mode, with the job's default database settings in {@code tmp/data}. */
    private JobProcess job(String... arguments) throws Exception {
        return JobProcess.start(Stream.concat(Stream.of(arguments), Stream.of(
                "--spring.datasource.url=jdbc:h2:file:" + tmp.resolve("data/onboarding") + ";AUTO_SERVER=TRUE",
                "--onboarding.report-dir=" + tmp.resolve("reports"), "--onboarding.mode=sandbox"))
                .toArray(String[]::new));
    }

    private Path file(String name, List<String> domains) throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (String domain : domains) {
            csv.append(domain).append(",Kunde GmbH,Kim Kunde,10115,DE,it@example.com,de,Kim,Kunde\n");
        }
        return Files.writeString(tmp.resolve(name), csv);
    }

    private static int rowsDone(String line) {
        Matcher matcher = PROGRESS.matcher(line);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    /** Customer id by domain of every customer the ledger has completed. */
    private Map<String, String> ledgerCustomerIds() throws Exception {
        return query("onboarding", "sa", "SELECT CUSTOMER_DOMAIN, CUSTOMER_ID FROM PROVISIONING_LEDGER "
                + "WHERE COMPLETED_AT IS NOT NULL");
    }

    /** Customer id by domain of every customer the sandbox knows, the seed included. */
    private Map<String, String> sandboxCustomerIds() throws Exception {
        return query("sandbox", "sandbox", "SELECT DOMAIN, CUSTOMER_ID FROM SANDBOX_CUSTOMER");
    }

    private List<Boolean> sandboxSuperAdmins() throws Exception {
        return query("sandbox", "sandbox", "SELECT EMAIL, SUPER_ADMIN FROM SANDBOX_USER").values().stream()
                .map(Boolean::valueOf).toList();
    }

    /** Reads a database in the data folder once every process is done with it, with its generated password. */
    private Map<String, String> query(String database, String user, String sql) throws Exception {
        String password = Files.readString(tmp.resolve("data/" + database + ".db-password")).strip();
        Map<String, String> rows = new HashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + tmp.resolve("data/" + database)
                + ";AUTO_SERVER=TRUE", user, password);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.put(result.getString(1), result.getString(2));
            }
        }
        return rows;
    }
}
