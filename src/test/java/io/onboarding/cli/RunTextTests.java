package io.onboarding.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.onboarding.job.RunSummary;
import io.onboarding.ledger.Outcome;
import io.onboarding.runs.RunAnswer;
import io.onboarding.system.RunMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;

/** The command line's words and exit code for each answer of the run service, without starting anything. */
class RunTextTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final RunText text = new RunText(null, RunMode.SANDBOX, Duration.ofSeconds(30), Clock.systemUTC(),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void aFinishedRunIsSummarisedAndExitsWithWhatItsRowsNeed() {
        RunSummary summary = run(BatchStatus.COMPLETED, Map.of(Outcome.ONBOARDED, 2, Outcome.INVALID, 1));

        int exitCode = text.say(new RunAnswer.Ran(summary, List.of()));

        assertThat(exitCode).isEqualTo(ExitCodes.ROWS_TO_FIX);
        assertThat(out()).contains("Run 7 COMPLETED: 3 rows", "Report: /reports/run7/results.csv",
                "1 rows to fix and re-submit: /reports/run7/rejects.csv");
        assertThat(text.say(new RunAnswer.Ran(run(BatchStatus.COMPLETED, Map.of(Outcome.ONBOARDED, 3)), List.of())))
                .isEqualTo(ExitCodes.OK);
    }

    @Test
    void anUnfinishedRunSaysHowToResumeItAndExits1() {
        int exitCode = text.say(new RunAnswer.Ran(run(BatchStatus.STOPPED, Map.of(Outcome.ONBOARDED, 1)), List.of()));

        assertThat(exitCode).isEqualTo(ExitCodes.RESUMABLE);
        assertThat(out()).contains("'restart 7' resumes it", "Run the same command again to resume");
    }

    @Test
    void aCompletedFileIsRefusedWithItsRunAndExitsWithThatRunsCode() {
        int exitCode = text.say(new RunAnswer.AlreadyComplete(run(BatchStatus.COMPLETED, Map.of(Outcome.INVALID, 1))));

        assertThat(exitCode).isEqualTo(ExitCodes.ROWS_TO_FIX);
        assertThat(out()).contains("Refused: this file (same name and content) was already processed completely on "
                + "2026-12-04 02:10:00 (run 7). Nothing was sent to Google again.", "Its report: /reports/run7/results.csv");
    }

    @Test
    void whatStartedNothingGoesToStandardErrorAndExits2() {
        assertThat(text.say(new RunAnswer.NotStarted("Nothing was started: the file is empty"))).isEqualTo(ExitCodes.USAGE);
        assertThat(text.say(new RunAnswer.StillRunning("Run 7 is still running in process 42."))).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Nothing was started: the file is empty",
                "Run 7 is still running in process 42.");
        assertThat(out()).isEmpty();
    }

    @Test
    void aStopRequestSaysHowToResume() {
        assertThat(text.say(new RunAnswer.StopRequested(run(BatchStatus.STARTED, Map.of())))).isEqualTo(ExitCodes.OK);
        assertThat(out()).contains("Run 7 will stop after its current chunk. Resume it with 'restart 7'");
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static RunSummary run(BatchStatus status, Map<Outcome, Integer> counts) {
        return new RunSummary(7, 70, "/in/customers.csv", false, status, LocalDateTime.of(2026, 12, 4, 2, 0),
                LocalDateTime.of(2026, 12, 4, 2, 10), counts, "/reports/run7/results.csv", List.of());
    }
}
