package io.onboarding.cli;

import io.onboarding.csv.CsvFormatException;
import io.onboarding.csv.CustomerCsvFile;
import io.onboarding.job.InterruptedRuns;
import io.onboarding.job.OnboardingJobParameters;
import io.onboarding.job.RunStillAliveException;
import io.onboarding.job.RunSummaries;
import io.onboarding.job.RunSummary;
import io.onboarding.ledger.LedgerEntry;
import io.onboarding.ledger.ProvisioningLedger;
import io.onboarding.ledger.RowResultRepository;
import io.onboarding.report.RunReportWriter;
import io.onboarding.system.OnboardingProperties;
import io.onboarding.system.RunMode;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Runs, resumes, restarts and stops runs of a file, printing what happened in words an operator acts on,
 * and answers with the exit code a script sees ({@link ExitCodes}).
 */
@Component
public class FileRuns {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final RunSummaries summaries;
    private final InterruptedRuns interruptedRuns;
    private final RowResultRepository results;
    private final ProvisioningLedger ledger;
    private final OnboardingProperties properties;
    private final RunMode mode;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    FileRuns(JobOperator jobOperator, JobRepository jobRepository, Job job, RunSummaries summaries,
            InterruptedRuns interruptedRuns, RowResultRepository results, ProvisioningLedger ledger,
            OnboardingProperties properties, RunMode mode, Clock clock) {
        this.clock = clock;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = job;
        this.summaries = summaries;
        this.interruptedRuns = interruptedRuns;
        this.results = results;
        this.ledger = ledger;
        this.properties = properties;
        this.mode = mode;
        this.out = System.out;
        this.err = System.err;
    }

    /** Runs the file, or resumes its run that did not finish; refuses a file already done. */
    public RunAnswer run(Path input, boolean dryRun) {
        out.println("workspace-onboarding: " + (dryRun ? "DRY RUN (no API call), " : mode + " mode, ") + "input "
                + input.toAbsolutePath().normalize());
        if (!Files.isRegularFile(input)) {
            return fail("The input file does not exist or is not a file: " + input.toAbsolutePath());
        }
        JobParameters parameters;
        try {
            parameters = dryRun ? OnboardingJobParameters.forDryRun(input, clock.instant())
                    : OnboardingJobParameters.forFile(input);
        } catch (UncheckedIOException e) {
            return fail("Nothing was started: " + e.getMessage() + " (" + e.getCause().getMessage() + ")");
        }
        // Decided before the file is read: a refused file is not announced as rows to process.
        RunSummary earlier = summaries.lastOf(parameters);
        if (earlier != null && earlier.status() == BatchStatus.COMPLETED) {
            return refuseCompleted(earlier);
        }
        long rows;
        try {
            CustomerCsvFile.Inspection inspection = CustomerCsvFile.inspect(input);
            if (!inspection.unknownColumns().isEmpty()) {
                out.println("Note: ignoring unknown columns " + String.join(", ", inspection.unknownColumns()));
            }
            if (inspection.separator() != ',') {
                out.println("Note: the columns are separated by '" + inspection.separator()
                        + "' (a spreadsheet export); reading them that way");
            }
            rows = inspection.rows();
            out.println(rows + " rows to process");
        } catch (CsvFormatException e) {
            return fail("Nothing was started: " + e.getMessage());
        }
        try {
            interruptedRuns.recover(parameters).ifPresent(runId -> out.println("Run " + runId + " of this file did "
                    + "not finish (killed, crashed, stopped or failed); resuming it after its last checkpoint."));
        } catch (RunStillAliveException e) {
            return fail("Nothing was started: " + e.getMessage());
        }
        return execute(parameters, rows);
    }

    /** Starts a stopped or failed run again, by its id, from its last checkpoint. */
    public RunAnswer restart(long runId) {
        String refusal = restartRefusal(runId);
        if (refusal != null) {
            return fail(refusal);
        }
        RunSummary last = summaries.ofRun(runId);
        Path input = Path.of(last.inputFile());
        JobParameters parameters = jobRepository.getJobExecution(last.executionId()).getJobParameters();
        try {
            interruptedRuns.recover(runId);
        } catch (RunStillAliveException e) {
            return fail(e.getMessage());
        }
        out.println("workspace-onboarding: " + mode + " mode, restarting run " + runId + " (" + input + ")");
        try {
            return execute(parameters, CustomerCsvFile.inspect(input).rows());
        } catch (CsvFormatException e) {
            return fail("Nothing was started: " + e.getMessage());
        }
    }

    /**
     * Why a run cannot be restarted, or null when it can: what {@link #restart} would refuse, said before it starts,
     * for a door that starts the restart in the background (the console) and must show the real answer.
     */
    public String restartRefusal(long runId) {
        RunSummary last = summaries.ofRun(runId);
        if (last == null) {
            return "There is no run " + runId + "; 'history' lists the runs.";
        }
        if (last.status() == BatchStatus.COMPLETED) {
            return "Run " + runId + " was completed" + (last.endTime() == null ? "" : " on " + TIME.format(last.endTime()))
                    + "; there is nothing to restart. Nothing was sent to Google again.";
        }
        if (last.status() == BatchStatus.ABANDONED) {
            return "Run " + runId + " was abandoned; it cannot be restarted. Run its file again with 'run'.";
        }
        Path input = Path.of(last.inputFile());
        if (!Files.isRegularFile(input)) {
            return "Run " + runId + " read " + input + ", which is no longer there. Put the same file back "
                    + "there to restart it.";
        }
        JobParameters parameters = jobRepository.getJobExecution(last.executionId()).getJobParameters();
        if (!OnboardingJobParameters.forFile(input).getString(OnboardingJobParameters.INPUT_SHA256)
                .equals(parameters.getString(OnboardingJobParameters.INPUT_SHA256))) {
            return "Run " + runId + " cannot be restarted: " + input + " changed since. Run the changed "
                    + "file with 'run' (it becomes a new run; rows already onboarded are not ordered again).";
        }
        return null;
    }

    /** Asks a running run to stop after its current chunk, wherever it runs; it can be resumed later. */
    public RunAnswer stop(long runId) {
        RunSummary last = summaries.ofRun(runId);
        if (last == null) {
            return fail("There is no run " + runId + "; 'history' lists the runs.");
        }
        try {
            jobOperator.stop(jobRepository.getJobExecution(last.executionId()));
        } catch (JobExecutionNotRunningException e) {
            return fail("Run " + runId + " is not running (" + last.status() + "); nothing to stop.");
        }
        out.println("Run " + runId + " will stop after its current chunk. Resume it with 'restart " + runId
                + "' or by running its file again.");
        return new RunAnswer(ExitCodes.OK, RunAnswer.Ending.STOP_REQUESTED, null, last);
    }

    private RunAnswer execute(JobParameters parameters, long rows) {
        JobExecution execution;
        try (RunProgress progress = RunProgress.start(out, rows, properties.progressInterval(), () -> {
            JobExecution current = jobRepository.getLastJobExecution(job.getName(), parameters);
            return current == null ? null : current.getJobInstance().getInstanceId();
        }, results)) {
            execution = jobOperator.start(job, parameters);
        } catch (JobInstanceAlreadyCompleteException e) {
            // Another process completed it since this one looked.
            return refuseCompleted(summaries.lastOf(parameters));
        } catch (RunStillAliveException e) {
            return fail(e.getMessage());
        } catch (org.springframework.batch.core.launch.JobExecutionAlreadyRunningException e) {
            return fail("Nothing was started: this file is being run by another process right now.");
        } catch (org.springframework.batch.core.launch.JobRestartException
                | org.springframework.batch.core.job.parameters.InvalidJobParametersException e) {
            return fail("Nothing was started: " + e.getMessage());
        }
        RunSummary summary = summaries.of(execution);
        print(summary);
        printUncertainNotices();
        if (ExitCodes.of(summary) == ExitCodes.RESUMABLE) {
            out.println("The run did not finish. Run the same command again to resume after the last checkpoint.");
        }
        return RunAnswer.of(summary);
    }

    private RunAnswer refuseCompleted(RunSummary earlier) {
        out.println("Refused: this file (same name and content) was already processed completely"
                + (earlier == null ? "." : " on " + TIME.format(earlier.endTime()) + " (run " + earlier.runId() + ").")
                + " Nothing was sent to Google again.");
        if (earlier != null && earlier.resultsFile() != null) {
            out.println("Its report: " + earlier.resultsFile());
        }
        return RunAnswer.alreadyComplete(earlier);
    }

    void print(RunSummary summary) {
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
    private void printUncertainNotices() {
        List<LedgerEntry> uncertain = ledger.uncertainNotices();
        if (uncertain.isEmpty()) {
            return;
        }
        out.println(uncertain.size() + " notices were cut short by a crash and may or may not have arrived; they are "
                + "not sent again by themselves, so that nobody gets two:");
        uncertain.stream().limit(50).forEach(entry -> out.println("  " + entry.customerDomain() + " (to "
                + entry.noticeAddress().recipient() + ")"));
        if (uncertain.size() > 50) {
            out.println("  ... and " + (uncertain.size() - 50) + " more");
        }
        out.println("Ask those customers or check your mail server's log; send the missing ones with "
                + "'notify DOMAIN...' (a domain customer's admin gets a new password), and record the ones that "
                + "arrived with 'notify --arrived DOMAIN...'.");
    }

    private RunAnswer fail(String message) {
        err.println(message);
        return RunAnswer.refused(message);
    }
}
