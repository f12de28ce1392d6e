package io.onboarding.cli;

import io.onboarding.csv.CustomerCsvFile;
import io.onboarding.job.RunSummary;
import io.onboarding.ledger.LedgerEntry;
import io.onboarding.report.RunReportWriter;
import io.onboarding.runs.FileRuns;
import io.onboarding.runs.RunAnswer;
import io.onboarding.runs.RunListener;
import io.onboarding.system.OnboardingProperties;
import io.onboarding.system.RunMode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.LongSupplier;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command line's door to the run service: says in words an operator acts on what a run does and how it
 * ended, and answers with the exit code a script sees ({@link ExitCodes}).
 */
final class RunText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int LISTED_NOTICES = 50;

    private final FileRuns runs;
    private final RunMode mode;
    private final Duration progressInterval;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    RunText(FileRuns runs, RunMode mode, Duration progressInterval, Clock clock, PrintStream out, PrintStream err) {
        this.runs = runs;
        this.mode = mode;
        this.progressInterval = progressInterval;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    /** The door for a command: the application's run service, printing to the process's own terminal. */
    static RunText of(ConfigurableApplicationContext context) {
        return new RunText(context.getBean(FileRuns.class), context.getBean(RunMode.class),
                context.getBean(OnboardingProperties.class).progressInterval(), context.getBean(Clock.class), System.out,
                System.err);
    }

    int run(Path input, boolean dryRun) {
        out.println("workspace-onboarding: " + (dryRun ? "DRY RUN (no API call), " : mode + " mode, ") + "input "
                + input.toAbsolutePath().normalize());
        return say(runs.run(input, dryRun, new Listener()));
    }

    int restart(long runId) {
        return say(runs.restart(runId, new Listener()));
    }

    int stop(long runId) {
        return say(runs.stop(runId));
    }

    int say(RunAnswer answer) {
        if (answer instanceof RunAnswer.Ran ran) {
            print(ran.summary());
            printUncertain(ran.uncertainNotices());
            if (ExitCodes.of(answer) == ExitCodes.RESUMABLE) {
                out.println("The run did not finish. Run the same command again to resume after the last checkpoint.");
            }
        } else if (answer instanceof RunAnswer.AlreadyComplete complete) {
            RunSummary earlier = complete.summary();
            out.println("Refused: this file (same name and content) was already processed completely"
                    + (earlier == null ? "." : " on " + TIME.format(earlier.endTime()) + " (run " + earlier.runId()
                    + ").") + " Nothing was sent to Google again.");
            if (earlier != null && earlier.resultsFile() != null) {
                out.println("Its report: " + earlier.resultsFile());
            }
        } else if (answer instanceof RunAnswer.StopRequested stopping) {
            long runId = stopping.summary().runId();
            out.println("Run " + runId + " will stop after its current chunk. Resume it with 'restart " + runId
                    + "' or by running its file again.");
        } else {
            err.println(answer.problem());
        }
        return ExitCodes.of(answer);
    }

    private void print(RunSummary summary) {
        out.println("Run " + summary.runId() + " " + summary.status() + ": " + summary.rows() + " rows");
        // First: what stopped the run is what the operator acts on.
        summary.failures().forEach(failure -> out.println("  run failure: " + failure));
        summary.counts().forEach((outcome, count) -> {
            if (count > 0) {
                out.printf("  %-20s %d%n", outcome, count);
            }
        });
        if (summary.status() == BatchStatus.STOPPED) {
            out.println("  stopped on request after a checkpoint; 'restart " + summary.runId() + "' resumes it");
        }
        if (summary.resultsFile() != null) {
            out.println("Report: " + summary.resultsFile());
            if (summary.rowsToFix() > 0) {
                out.println(summary.rowsToFix() + " rows to fix and re-submit: "
                        + Path.of(summary.resultsFile()).resolveSibling(RunReportWriter.REJECTS_FILE));
            }
        }
    }

    /** Said after every run until the operator has decided, because no run sends these by itself. */
    private void printUncertain(List<LedgerEntry> uncertain) {
        if (uncertain.isEmpty()) {
            return;
        }
        out.println(uncertain.size() + " notices were cut short by a crash and may or may not have arrived; they are "
                + "not sent again by themselves, so that nobody gets two:");
        uncertain.stream().limit(LISTED_NOTICES).forEach(entry -> out.println("  " + entry.customerDomain() + " (to "
                + entry.noticeAddress().recipient() + ")"));
        if (uncertain.size() > LISTED_NOTICES) {
            out.println("  ... and " + (uncertain.size() - LISTED_NOTICES) + " more");
        }
        out.println("Ask those customers or check your mail server's log; send the missing ones with "
                + "'notify DOMAIN...' (a domain customer's admin gets a new password), and record the ones that "
                + "arrived with 'notify --arrived DOMAIN...'.");
    }

    /** Notes on the file, the resume, and a progress bar while the job runs. */
    private final class Listener implements RunListener {

        private RunProgress progress;

        @Override
        public void inspected(CustomerCsvFile.Inspection inspection) {
            if (!inspection.unknownColumns().isEmpty()) {
                out.println("Note: ignoring unknown columns " + String.join(", ", inspection.unknownColumns()));
            }
            if (inspection.separator() != ',') {
                out.println("Note: the columns are separated by '" + inspection.separator()
                        + "' (a spreadsheet export); reading them that way");
            }
            out.println(inspection.rows() + " rows to process");
        }

        @Override
        public void resuming(long runId) {
            out.println("Run " + runId + " of this file did not finish (killed, crashed, stopped or failed); resuming "
                    + "it after its last checkpoint.");
        }

        @Override
        public void restarting(long runId, Path input) {
            out.println("workspace-onboarding: " + mode + " mode, restarting run " + runId + " (" + input + ")");
        }

        @Override
        public void started(long rows, LongSupplier rowsDone) {
            progress = RunProgress.start(out, rows, progressInterval, clock, rowsDone);
        }

        @Override
        public void ended() {
            if (progress != null) {
                progress.close();
            }
        }
    }
}
