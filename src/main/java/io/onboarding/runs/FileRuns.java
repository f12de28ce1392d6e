package io.onboarding.runs;

import io.onboarding.csv.CsvFormatException;
import io.onboarding.csv.CustomerCsvFile;
import io.onboarding.job.InterruptedRuns;
import io.onboarding.job.OnboardingJobParameters;
import io.onboarding.job.RunStillAliveException;
import io.onboarding.job.RunSummaries;
import io.onboarding.job.RunSummary;
import io.onboarding.ledger.ProvisioningLedger;
import io.onboarding.ledger.RowResultRepository;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

/**
 * The run use cases every door offers: run a file (or resume its unfinished run, or refuse it when it is done),
 * restart a run by its id, stop a run wherever it runs. Answers are typed; nothing is written to a terminal.
 */
@Service
public class FileRuns {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final RunSummaries summaries;
    private final InterruptedRuns interruptedRuns;
    private final RowResultRepository results;
    private final ProvisioningLedger ledger;
    private final RunningHere runningHere;
    private final Clock clock;

    FileRuns(JobOperator jobOperator, JobRepository jobRepository, Job job, RunSummaries summaries,
            InterruptedRuns interruptedRuns, RowResultRepository results, ProvisioningLedger ledger,
            RunningHere runningHere, Clock clock) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = job;
        this.summaries = summaries;
        this.interruptedRuns = interruptedRuns;
        this.results = results;
        this.ledger = ledger;
        this.runningHere = runningHere;
        this.clock = clock;
    }

    /** Runs the file, or resumes its run that did not finish; refuses a file already done. */
    public RunAnswer run(Path input, boolean dryRun) {
        return run(input, dryRun, RunListener.NONE);
    }

    /** {@link #run(Path, boolean)}, telling the listener what happens while it goes on. */
    public RunAnswer run(Path input, boolean dryRun, RunListener listener) {
        if (!Files.isRegularFile(input)) {
            return new RunAnswer.NotStarted("The input file does not exist or is not a file: " + input.toAbsolutePath());
        }
        JobParameters parameters;
        try {
            parameters = dryRun ? OnboardingJobParameters.forDryRun(input, clock.instant())
                    : OnboardingJobParameters.forFile(input);
        } catch (UncheckedIOException e) {
            return new RunAnswer.NotStarted("Nothing was started: " + e.getMessage() + " (" + e.getCause().getMessage()
                    + ")");
        }
        // Decided before the file is read: a refused file is not announced as rows to process.
        RunSummary earlier = summaries.lastOf(parameters);
        if (earlier != null && earlier.status() == BatchStatus.COMPLETED) {
            return new RunAnswer.AlreadyComplete(earlier);
        }
        long rows;
        try {
            CustomerCsvFile.Inspection inspection = CustomerCsvFile.inspect(input);
            listener.inspected(inspection);
            rows = inspection.rows();
        } catch (CsvFormatException e) {
            return new RunAnswer.NotStarted("Nothing was started: " + e.getMessage());
        }
        try {
            interruptedRuns.recover(parameters).ifPresent(listener::resuming);
        } catch (RunStillAliveException e) {
            return new RunAnswer.StillRunning("Nothing was started: " + e.getMessage());
        }
        return execute(parameters, rows, listener);
    }

    /** Starts a stopped or failed run again, by its id, from its last checkpoint. */
    public RunAnswer restart(long runId) {
        return restart(runId, RunListener.NONE);
    }

    /** {@link #restart(long)}, telling the listener what happens while it goes on. */
    public RunAnswer restart(long runId, RunListener listener) {
        String refusal = restartRefusal(runId);
        if (refusal != null) {
            return new RunAnswer.NotStarted(refusal);
        }
        RunSummary last = summaries.ofRun(runId);
        Path input = Path.of(last.inputFile());
        JobParameters parameters = jobRepository.getJobExecution(last.executionId()).getJobParameters();
        try {
            interruptedRuns.recover(runId);
        } catch (RunStillAliveException e) {
            return new RunAnswer.StillRunning(e.getMessage());
        }
        listener.restarting(runId, input);
        try {
            return execute(parameters, CustomerCsvFile.inspect(input).rows(), listener);
        } catch (CsvFormatException e) {
            return new RunAnswer.NotStarted("Nothing was started: " + e.getMessage());
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
            return new RunAnswer.NotStarted("There is no run " + runId + "; 'history' lists the runs.");
        }
        try {
            jobOperator.stop(jobRepository.getJobExecution(last.executionId()));
        } catch (JobExecutionNotRunningException e) {
            return new RunAnswer.NotStarted("Run " + runId + " is not running (" + last.status() + "); nothing to stop.");
        }
        return new RunAnswer.StopRequested(last);
    }

    private RunAnswer execute(JobParameters parameters, long rows, RunListener listener) {
        if (!runningHere.enter(parameters)) {
            return new RunAnswer.NotStarted("Nothing was started: the application is shutting down.");
        }
        JobExecution execution;
        try {
            listener.started(rows, () -> {
                JobExecution current = jobRepository.getLastJobExecution(job.getName(), parameters);
                return current == null ? 0 : results.countByOutcome(current.getJobInstance().getInstanceId()).values()
                        .stream().mapToLong(Integer::longValue).sum();
            });
            execution = jobOperator.start(job, parameters);
        } catch (JobInstanceAlreadyCompleteException e) {
            // Another process completed it since this one looked.
            return new RunAnswer.AlreadyComplete(summaries.lastOf(parameters));
        } catch (RunStillAliveException e) {
            return new RunAnswer.StillRunning(e.getMessage());
        } catch (JobExecutionAlreadyRunningException e) {
            return new RunAnswer.StillRunning("Nothing was started: this file is being run by another process right now.");
        } catch (JobRestartException | InvalidJobParametersException e) {
            return new RunAnswer.NotStarted("Nothing was started: " + e.getMessage());
        } finally {
            listener.ended();
            runningHere.leave(parameters);
        }
        return new RunAnswer.Ran(summaries.of(execution), ledger.uncertainNotices());
    }
}
