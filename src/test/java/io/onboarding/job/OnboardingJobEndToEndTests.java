package io.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.onboarding.ledger.ProvisioningRun;
import io.onboarding.sandbox.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/** Runs the real job on a fixture CSV against the embedded sandbox and checks what Google would have seen. */
class OnboardingJobEndToEndTests extends JobEndToEndTest {

    @Test
    void onboardsEachCustomerWithTheCallsGoogleExpectsInOrder() throws Exception {
        // given the fixture: two domain customers, two team customers, one existing domain, one bad row
        Path input = fixture("e2e.csv");

        // when
        JobExecution execution = jobs.startJob(OnboardingJobParameters.forFile(input));

        // then every customer got exactly its calls, in Google's order
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, List<String>> calls = callsByDomain(sandbox.requests());
        assertThat(calls).containsOnlyKeys("sprachschule-koenig.de", "plain-domain.com", "team-with-language.es",
                "team-plain.fr", "already-at-google.com");
        assertThat(calls.get("sprachschule-koenig.de"))
                .containsExactly("customers.insert", "customers.patch", "users.insert", "users.makeAdmin");
        assertThat(calls.get("plain-domain.com")).containsExactly("customers.insert", "users.insert", "users.makeAdmin");
        assertThat(calls.get("team-with-language.es")).containsExactly("customers.insert", "customers.patch");
        assertThat(calls.get("team-plain.fr")).containsExactly("customers.insert");
        assertThat(calls.get("already-at-google.com")).containsExactly("customers.insert", "customers.get");
        assertThat(sandbox.requests()).allMatch(request -> request.body() == null || !request.body().contains("bad-row.it"));

        // and the language was in place before the first user existed
        assertThat(sandbox.accounts().user("admin@sprachschule-koenig.de").orElseThrow().languageAtCreation())
                .isEqualTo("de");
        assertThat(sandbox.accounts().user("admin@sprachschule-koenig.de").orElseThrow().superAdmin()).isTrue();
        assertThat(sandbox.accounts().user("boss@plain-domain.com").orElseThrow().languageAtCreation()).isEqualTo("en");
    }

    @Test
    void sendsTheRowsDataInTheRequestBodies() throws Exception {
        Path input = fixture("e2e.csv");

        jobs.startJob(OnboardingJobParameters.forFile(input));

        RecordedRequest insert = firstCall("customers.insert", "sprachschule-koenig.de");
        assertThat(insert.body()).contains("\"customerType\":\"domain\"", "\"alternateEmail\":\"j.koenig@example.com\"",
                "\"organizationName\":\"Sprachschule König GmbH\"", "\"addressLine1\":\"Lindenstraße 5, Hinterhaus\"",
                "\"countryCode\":\"DE\"", "\"kind\":\"customers#address\"");
        RecordedRequest team = firstCall("customers.insert", "team-plain.fr");
        assertThat(team.body()).contains("\"customerType\":\"team\"", "\"primaryAdmin\":{\"primaryEmail\":\"luc@example.fr\"}",
                "\"addressLine1\":\"8 place du Capitole\"");
        RecordedRequest patch = firstCall("customers.patch", "team-with-language.es");
        assertThat(patch.body()).isEqualTo("{\"language\":\"es\"}");
        RecordedRequest user = firstCall("users.insert", "plain-domain.com");
        assertThat(user.body()).contains("\"primaryEmail\":\"boss@plain-domain.com\"", "\"givenName\":\"Sam\"",
                "\"password\":\"Supplied-Passw0rd!\"", "\"changePasswordAtNextLogin\":true");
        RecordedRequest generated = firstCall("users.insert", "sprachschule-koenig.de");
        assertThat(generated.body()).containsPattern("\"password\":\"[\\x21-\\x7e]{16}\"");
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.onboarding.notification.CustomerNotices notices;

    @Test
    void anOutboxNoticeOwedByAKilledRunIsLookedForInThatRunsFolderWhicheverRunPicksItUp() throws Exception {
        JobExecution execution = jobs.startJob(OnboardingJobParameters.forFile(fixture("e2e.csv")));
        Path eml = resultsOf(execution).getParent().resolve("outbox/plain-domain.com-domain.eml");
        String written = Files.readString(eml);
        String killedBeforeSent = "UPDATE PROVISIONING_LEDGER SET NOTICE_STATUS = 'PENDING' WHERE CUSTOMER_DOMAIN = ?";
        ProvisioningRun nightly = ProvisioningRun.of(99, tmp.resolve("nightly-run99"));

        // killed after the file was moved into place, before the ledger said SENT; the nightly run of another
        // file picks the owed notice up before the killed run is resumed: the file in the killed run's folder counts
        jdbc.sql(killedBeforeSent).param("plain-domain.com").update();
        assertThat(notices.sendOwed(nightly)).isEqualTo(new io.onboarding.notification.CustomerNotices.OwedNotices(1, 0, 0));
        assertThat(nightly.folder().resolve("outbox")).doesNotExist();
        assertThat(Files.readString(eml)).as("not written again").isEqualTo(written);
        assertThat(noticeStatus("plain-domain.com")).isEqualTo("SENT");
        assertThat(sandbox.requests()).noneMatch(r -> r.call().equals("users.update"));

        // killed before the file was in place: the nightly run writes it, and records where, before it does
        Files.delete(eml);
        jdbc.sql(killedBeforeSent).param("plain-domain.com").update();
        notices.sendOwed(nightly);
        assertThat(nightly.folder().resolve("outbox/plain-domain.com-domain.eml")).exists();
        assertThat(jdbc.sql("SELECT NOTICE_FOLDER FROM PROVISIONING_LEDGER WHERE CUSTOMER_DOMAIN = ?")
                .param("plain-domain.com").query(String.class).single()).isEqualTo(nightly.folder().toString());
        // a later crash of that attempt is looked for there too
        jdbc.sql(killedBeforeSent).param("plain-domain.com").update();
        notices.sendOwed(ProvisioningRun.of(100, tmp.resolve("next-run100")));
        assertThat(tmp.resolve("next-run100/outbox")).doesNotExist();
        assertThat(noticeStatus("plain-domain.com")).isEqualTo("SENT");
    }

    @Test
    void anOutboxNoticeACrashCutShortIsSentAgainOnlyWhenItsFileIsNotThere() throws Exception {
        JobExecution execution = jobs.startJob(OnboardingJobParameters.forFile(fixture("e2e.csv")));
        Path folder = resultsOf(execution).getParent();
        Path eml = folder.resolve("outbox/plain-domain.com-domain.eml");
        String written = Files.readString(eml);
        String markAttempted = "UPDATE PROVISIONING_LEDGER SET NOTICE_STATUS = 'ATTEMPTED' WHERE CUSTOMER_DOMAIN = ?";

        // killed after the file was moved into place, before the ledger said SENT: the file is the answer
        jdbc.sql(markAttempted).param("plain-domain.com").update();
        assertThat(notices.handOver("plain-domain.com", null, ProvisioningRun.of(99, folder))).isNull();
        assertThat(Files.readString(eml)).as("not written twice").isEqualTo(written);
        assertThat(noticeStatus("plain-domain.com")).isEqualTo("SENT");
        assertThat(sandbox.requests()).noneMatch(r -> r.call().equals("users.update"));

        // killed before the file was in place: written now, with a new password, as the row's run would have
        Files.delete(eml);
        jdbc.sql(markAttempted).param("plain-domain.com").update();
        assertThat(notices.handOver("plain-domain.com", null, ProvisioningRun.of(99, folder))).isNull();
        String password = sandbox.password("boss@plain-domain.com").orElseThrow();
        assertThat(password).isNotEqualTo("Supplied-Passw0rd!");
        assertThat(Files.readString(eml)).contains(password);
        assertThat(noticeStatus("plain-domain.com")).isEqualTo("SENT");
    }

    @Test
    void reportsEveryInputRowOnceWithItsOutcomeAndNoPassword() throws Exception {
        Path input = fixture("e2e.csv");

        JobExecution execution = jobs.startJob(OnboardingJobParameters.forFile(input));

        Path results = resultsOf(execution);
        List<String[]> lines = readCsv(results, ',');
        assertThat(lines.get(0)).containsExactly("line", "customerDomain", "externalId", "outcome", "customerId",
                "adminEmail", "errorReason", "errorMessage", "warnings", "retries");
        List<String[]> rows = lines.subList(1, lines.size());
        assertThat(rows).extracting(row -> row[0] + " " + row[1] + " " + row[3]).containsExactly(
                "2 sprachschule-koenig.de ONBOARDED",
                "3 plain-domain.com ONBOARDED",
                "4 team-with-language.es ONBOARDED",
                "5 two-line-address.fr INVALID",
                "7 team-plain.fr ONBOARDED",
                "8 already-at-google.com TRANSFER_REQUIRED",
                "9 bad-row.it INVALID");
        assertThat(rows.get(0)[4]).matches("C[0-9a-f]{8}");
        assertThat(rows.get(0)[5]).isEqualTo("admin@sprachschule-koenig.de");
        assertThat(rows.get(4)[5]).isEqualTo("luc@example.fr");
        assertThat(rows.get(5)[6]).isEqualTo("ownedElsewhere");
        assertThat(rows.get(5)[7]).contains("transfer token", "customerAuthToken");
        assertThat(rows.get(6)[6]).isEqualTo("language alternateEmail");
        assertThat(rows.get(6)[7]).contains("'xx' is not one of the 80 language codes", "must not be on the customer's own domain");
        // the hostile externalId is written as text, not as a formula
        assertThat(rows.get(6)[2]).isEqualTo("'=HYPERLINK(\"http://evil\")");
        String report = Files.readString(results);
        assertThat(report).doesNotContain("Supplied-Passw0rd!").doesNotContain("\"password\"");
        String generatedPassword = passwordSentFor("sprachschule-koenig.de");
        assertThat(report).doesNotContain(generatedPassword);
    }

    private String passwordSentFor(String domain) {
        String body = firstCall("users.insert", domain).body();
        return body.replaceAll(".*\"password\":\"([^\"]+)\".*", "$1");
    }

    private RecordedRequest firstCall(String call, String domain) {
        return sandbox.requests().stream()
                .filter(request -> request.call().equals(call) && domainOf(request).equals(domain))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + call + " for " + domain));
    }

    private Map<String, List<String>> callsByDomain(List<RecordedRequest> requests) {
        return requests.stream().collect(Collectors.groupingBy(this::domainOf, java.util.LinkedHashMap::new,
                Collectors.mapping(RecordedRequest::call, Collectors.toList())));
    }

    /** Which customer a request is about: by domain in the body, or by customer id / user address in the path. */
    private String domainOf(RecordedRequest request) {
        String body = request.body() == null ? "" : request.body();
        java.util.regex.Matcher domain = java.util.regex.Pattern.compile("\"customerDomain\":\"([^\"]+)\"").matcher(body);
        if (domain.find()) {
            return domain.group(1);
        }
        java.util.regex.Matcher email = java.util.regex.Pattern.compile("\"primaryEmail\":\"[^@\"]+@([^\"]+)\"")
                .matcher(body);
        if (email.find()) {
            return email.group(1);
        }
        String last = request.path().replaceAll("/makeAdmin$", "");
        last = last.substring(last.lastIndexOf('/') + 1);
        if (last.contains("@")) {
            return last.substring(last.indexOf('@') + 1);
        }
        String customerId = last;
        return sandbox.accounts().customers().stream()
                .filter(customer -> customer.resource().customerId().equals(customerId))
                .map(customer -> customer.resource().customerDomain())
                .findFirst()
                .orElse(customerId);
    }

}
