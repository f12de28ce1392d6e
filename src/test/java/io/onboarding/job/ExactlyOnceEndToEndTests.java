package io.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.onboarding.sandbox.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;

/** The ledger and reconciliation through the real job, HTTP clients and sandbox. */
class ExactlyOnceEndToEndTests extends JobEndToEndTest {

    private static final String HEADER = "customerDomain,organizationName,contactName,postalCode,countryCode,"
            + "alternateEmail,language,adminGivenName,adminFamilyName,customerAuthToken\n";

    @Test
    void aDomainOnboardedFromOneFileIsAlreadyOnboardedInAnotherWithoutACall() throws Exception {
        Path monday = write("monday.csv", HEADER + "twice.de,Twice GmbH,Tim Twice,10115,DE,tim@example.com,de,Tim,Twice,\n");
        Path tuesday = write("tuesday.csv", HEADER + "other.de,Other GmbH,Olga Other,10115,DE,olga@example.com,,Olga,Other,\n"
                + "twice.de,Twice GmbH,Tim Twice,10115,DE,tim@example.com,de,Tim,Twice,\n");
        JobExecution first = jobs.startJob(OnboardingJobParameters.forFile(monday));
        int callsBefore = sandbox.requests().size();

        JobExecution second = jobs.startJob(OnboardingJobParameters.forFile(tuesday));

        List<RecordedRequest> tuesdayCalls = sandbox.requests().subList(callsBefore, sandbox.requests().size());
        assertThat(tuesdayCalls).noneMatch(request -> request.body().contains("twice.de")
                || request.path().contains("twice.de"));
        List<String[]> rows = readCsv(resultsOf(second), ',');
        assertThat(rows.get(2)[1] + " " + rows.get(2)[3]).isEqualTo("twice.de ALREADY_ONBOARDED");
        assertThat(rows.get(2)[4]).isEqualTo(readCsv(resultsOf(first), ',').get(1)[4]);
        assertThat(rows.get(2)[7]).startsWith("Onboarded earlier, by run " + first.getJobInstance().getInstanceId());
        assertThat(rows.get(1)[3]).isEqualTo("ONBOARDED");
    }

    @Test
    void aTransferTokenMovesAForeignCustomerAndATokenlessRowIsToldToGetOne() throws Exception {
        // the same domain twice in one file would be a duplicate: two files, as an operator would re-submit
        Path withoutToken = write("without-token.csv", HEADER
                + "already-at-google.com,Moving Inc.,Mo Ving,94105,US,mo@example.com,,Mo,Ving,\n");
        Path withToken = write("with-token.csv", HEADER
                + "already-at-google.com,Moving Inc.,Mo Ving,94105,US,mo@example.com,,Mo,Ving,0a1b2c3d4e5f\n");

        JobExecution refused = jobs.startJob(OnboardingJobParameters.forFile(withoutToken));
        JobExecution moved = jobs.startJob(OnboardingJobParameters.forFile(withToken));

        assertThat(readCsv(resultsOf(refused), ',').get(1)[3]).isEqualTo("TRANSFER_REQUIRED");
        assertThat(readCsv(resultsOf(refused), ',').get(1)[7]).contains("transfer token", "customerAuthToken");
        assertThat(readCsv(resultsOf(moved), ',').get(1)[3]).isEqualTo("TRANSFERRED");
        assertThat(sandbox.requests()).extracting(RecordedRequest::call).containsExactly("customers.insert",
                "customers.get", "customers.get", "customers.insert");
        assertThat(sandbox.requests().get(3).query()).isEqualTo("customerAuthToken=0a1b2c3d4e5f");
        assertThat(sandbox.accounts().customer("already-at-google.com").orElseThrow().own()).isTrue();
    }

    @Test
    void anOrderAppliedButCutOffIsReconciledOverHttpAndNotOrderedTwice() throws Exception {
        sandbox.faults().dropAfterApply("customers.insert", 1);
        sandbox.faults().failAfterApply("users.insert", 1);
        Path input = write("faults.csv", HEADER + "cut-off.de,Cut GmbH,Cy Cut,10115,DE,cy@example.com,de,Cy,Cut,\n");

        JobExecution execution = jobs.startJob(OnboardingJobParameters.forFile(input));

        assertThat(readCsv(resultsOf(execution), ',').get(1)[3]).isEqualTo("ONBOARDED");
        assertThat(readCsv(resultsOf(execution), ',').get(1)[9]).as("retries").isEqualTo("1");
        assertThat(sandbox.requests()).extracting(request -> request.call() + (request.applied() ? "" : " (not applied)"))
                .containsExactly("customers.insert", "customers.get", "customers.patch", "users.insert",
                        "users.insert (not applied)", "users.get", "users.makeAdmin");
    }

    @Test
    @Tag("slow") // Google's Retry-After is in whole seconds, and they are waited for: failsafe runs it.
    void aStormOf429sWithRetryAfterCostsNoRow() throws Exception {
        // Google allows 4 Directory requests a second; the client is configured for 40: it learns from 429s
        sandbox.load().quota(io.onboarding.sandbox.SandboxLoad.Api.DIRECTORY, 4);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 12; i++) {
            csv.append("storm-").append(i).append(".de,Storm GmbH,Sam Storm,10115,DE,sam@example.com,de,Sam,Storm,\n");
        }
        Path input = write("storm.csv", csv.toString());

        JobExecution execution = jobs.startJob(OnboardingJobParameters.forFile(input));

        List<String[]> rows = readCsv(resultsOf(execution), ',');
        assertThat(rows.subList(1, rows.size())).extracting(row -> row[3]).containsOnly("ONBOARDED").hasSize(12);
        long throttled = sandbox.requests().stream().filter(request -> request.status() == 429).count();
        assertThat(throttled).isPositive();
        assertThat(rows.subList(1, rows.size()).stream().mapToInt(row -> Integer.parseInt(row[9])).sum())
                .isEqualTo((int) throttled);
        assertThat(sandbox.accounts().users()).hasSize(12).allMatch(user -> user.superAdmin());
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(tmp.resolve(name), content);
    }
}
