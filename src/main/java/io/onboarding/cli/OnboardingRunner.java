package io.onboarding.cli;

import io.onboarding.csv.CsvFormatException;
import io.onboarding.csv.CustomerCsvFile;
import io.onboarding.job.InterruptedRuns;
import io.onboarding.job.OnboardingJobParameters;
import io.onboarding.job.RunSummaries;
import io.onboarding.job.RunSummary;
import io.onboarding.report.RunReportWriter;
import io.onboarding.system.OnboardingProperties;
import io.onboarding.system.RunMode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Runs the job once at start-up on the file given as the first argument (or {@code onboarding.input}),
 * and prints a summary; {@code --dry-run} validates and reports without any API call. Exit code: 0 finished (or already finished earlier), 1 the run failed and can be
 * resumed by running the same command again, 2 the file or the configuration is unusable.
 */
@Component
@ConditionalOnProperty(name = "onboarding.cli.enabled", havingValue = "true", matchIfMissing = true)
class OnboardingRunner implements ApplicationRunner, ExitCodeGenerator {

    static final String DRY_RUN = "dry-run";
    static final int OK = 0;
    static final int FAILED_RESUMABLE = 1;
    static final int UNUSABLE_INPUT = 2;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JobOperator jobOperator;
    private final Job job;
    private final RunSummaries summaries;
    private final InterruptedRuns interruptedRuns;
    private final OnboardingProperties properties;
    private final RunMode mode;
    private final PrintStream out = System.out;
    private int exitCode = OK;

    OnboardingRunner(JobOperator jobOperator, Job job, RunSummaries summaries, InterruptedRuns interruptedRuns,
            OnboardingProperties properties, RunMode mode) {
        this.jobOperator = jobOperator;
        this.job = job;
        this.summaries = summaries;
        this.interruptedRuns = interruptedRuns;
        this.properties = properties;
        this.mode = mode;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<String> files = args.getNonOptionArgs();
        Path input = files.isEmpty() ? properties.input() : Path.of(files.get(0));
        boolean dryRun = args.containsOption(DRY_RUN);
        out.println("workspace-onboarding: " + (dryRun ? "DRY RUN (no API call), " : mode + " mode, ") + "input "
                + input.toAbsolutePath().normalize());
        if (!Files.isRegularFile(input)) {
            fail(UNUSABLE_INPUT, "The input file does not exist or is not a file: " + input.toAbsolutePath());
            return;
        }
        try {
            CustomerCsvFile.Inspection inspection = CustomerCsvFile.inspect(input);
            if (!inspection.unknownColumns().isEmpty()) {
                out.println("Note: ignoring unknown columns " + String.join(", ", inspection.unknownColumns()));
            }
            if (inspection.separator() != ',') {
                out.println("Note: the columns are separated by '" + inspection.separator()
                        + "' (a spreadsheet export); reading them that way");
            }
            out.println(inspection.rows() + " rows to process");
        } catch (CsvFormatException e) {
            fail(UNUSABLE_INPUT, "Nothing was started: " + e.getMessage());
            return;
        }
        JobParameters parameters = dryRun ? OnboardingJobParameters.forDryRun(input, Instant.now())
                : OnboardingJobParameters.forFile(input);
        interruptedRuns.recover(parameters).ifPresent(runId -> out.println("Run " + runId + " of this file did not "
                + "finish (killed, crashed or failed); resuming it after its last checkpoint."));
        JobExecution execution;
        try {
            execution = jobOperator.start(job, parameters);
        } catch (JobInstanceAlreadyCompleteException e) {
            RunSummary earlier = summaries.lastOf(parameters);
            out.println("Refused: this file (same name and content) was already processed completely"
                    + (earlier == null ? "." : " on " + TIME.format(earlier.endTime()) + " (run " + earlier.runId() + ").")
                    + " Nothing was sent to Google again.");
            if (earlier != null && earlier.resultsFile() != null) {
                out.println("Its report: " + earlier.resultsFile());
            }
            return;
        }
        RunSummary summary = summaries.of(execution);
        print(summary);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            exitCode = FAILED_RESUMABLE;
            out.println("The run did not finish. Run the same command again to resume after the last checkpoint.");
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    private void print(RunSummary summary) {
        out.println("Run " + summary.runId() + " " + summary.status() + ": " + summary.rows() + " rows");
        summary.counts().forEach((outcome, count) -> {
            if (count > 0) {
                out.printf("  %-20s %d%n", outcome, count);
            }
        });
        summary.failures().forEach(failure -> out.println("  run failure: " + failure));
        if (summary.resultsFile() != null) {
            out.println("Report: " + summary.resultsFile());
            long toFix = summary.counts().entrySet().stream()
                    .filter(entry -> entry.getKey().needsAttention()).mapToLong(entry -> entry.getValue()).sum();
            if (toFix > 0) {
                out.println(toFix + " rows to fix and re-submit: "
                        + Path.of(summary.resultsFile()).resolveSibling(RunReportWriter.REJECTS_FILE));
            }
        }
    }

    private void fail(int code, String message) {
        exitCode = code;
        System.err.println(message);
    }
}
