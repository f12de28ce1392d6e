package io.onboarding.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.onboarding.OnboardingApplication;
import io.onboarding.job.RunSummaries;
import io.onboarding.job.RunSummary;
import io.onboarding.ledger.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Shutting the application down (what SIGTERM does) while a run goes on ends the run at a checkpoint, recorded as
 * STOPPED, and the next process resumes it; it does not die mid-chunk with its database closed under it.
 */
@Tag("slow")
class ShutdownStopsRunsTests {

    private static final String HEADER = "customerDomain,organizationName,contactName,postalCode,countryCode,"
            + "alternateEmail,adminGivenName,adminFamilyName\n";
    private static final int ROWS = 80;

    @TempDir
    Path tmp;

    @Test
    void aRunGoingOnWhenTheApplicationShutsDownStopsAtACheckpointAndResumesInTheNextProcess() throws Exception {
        Path file = tmp.resolve("customers.csv");
        StringBuilder rows = new StringBuilder(HEADER);
        for (int i = 0; i < ROWS; i++) {
            rows.append("shutdown-").append(i).append(".com,Shut Inc.,Sam Shut,12345,US,s@example.com,Sam,Shut\n");
        }
        Files.writeString(file, rows);
        ConfigurableApplicationContext first = start();
        FileRuns runs = first.getBean(FileRuns.class);
        RunSummaries summaries = first.getBean(RunSummaries.class);
        CompletableFuture<RunAnswer> running = CompletableFuture.supplyAsync(() -> runs.run(file, false));
        waitForRowsDone(summaries);

        // when the application shuts down mid-run
        first.close();

        RunAnswer answer = running.get(60, TimeUnit.SECONDS);
        assertThat(answer).isInstanceOf(RunAnswer.Ran.class);
        assertThat(answer.summary().status()).isEqualTo(BatchStatus.STOPPED);
        assertThat(answer.summary().rows()).isBetween(1, ROWS - 1);

        try (ConfigurableApplicationContext second = start()) {
            RunAnswer resumed = second.getBean(FileRuns.class).run(file, false);

            assertThat(resumed.summary().status()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(resumed.summary().runId()).isEqualTo(answer.summary().runId());
            assertThat(resumed.summary().counts().get(Outcome.ONBOARDED)).isEqualTo(ROWS);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(OnboardingApplication.class).web(WebApplicationType.NONE).run(
                "--spring.datasource.url=jdbc:h2:file:" + tmp.resolve("db/onboarding"),
                "--onboarding.report-dir=" + tmp.resolve("reports"), "--onboarding.chunk-size=5",
                "--onboarding.workers=1", "--onboarding.notices.enabled=false",
                "--logging.file.name=" + tmp.resolve("logs/onboarding.log"));
    }

    private static void waitForRowsDone(RunSummaries summaries) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            RunSummary latest = summaries.latest(1).stream().findFirst().orElse(null);
            if (latest != null && latest.rows() >= 10) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the run never got going");
    }
}
