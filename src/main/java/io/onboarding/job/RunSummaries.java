package io.onboarding.job;

import io.onboarding.ledger.RowResultRepository;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.FatalStepExecutionException;
import org.springframework.stereotype.Component;

/** Reads run summaries from the job repository and the recorded row outcomes. */
@Component
public class RunSummaries {

    private final JobRepository jobRepository;
    private final RowResultRepository results;

    RunSummaries(JobRepository jobRepository, RowResultRepository results) {
        this.jobRepository = jobRepository;
        this.results = results;
    }

    public RunSummary of(JobExecution execution) {
        long runId = execution.getJobInstance().getInstanceId();
        String resultsFile = execution.getExecutionContext().containsKey(WriteReportTasklet.RESULTS_PATH)
                ? execution.getExecutionContext().getString(WriteReportTasklet.RESULTS_PATH) : null;
        String explained = execution.getExecutionContext().getString(FailureExplanation.KEY, null);
        List<String> failures = explained != null ? List.of(explained) : execution.getAllFailureExceptions().stream()
                // A requested stop is reported as such, not as the interruption Spring Batch records for it.
                .filter(failure -> !(failure instanceof JobInterruptedException))
                .map(RunSummaries::unwrapped)
                .map(failure -> failure.getClass().getSimpleName() + ": " + failure.getMessage())
                .distinct()
                .toList();
        JobParameters parameters = execution.getJobParameters();
        return new RunSummary(runId, execution.getId(), parameters.getString(OnboardingJobParameters.INPUT_FILE),
                "true".equals(parameters.getString(OnboardingJobParameters.DRY_RUN)), execution.getStatus(), execution.getStartTime(),
                execution.getEndTime(), results.countByOutcome(runId), resultsFile, failures);
    }

    /**
     * The real failure arrives wrapped by the executor (with workers) and by the step ("Unable to process
     * chunk"): an operator needs the real one.
     */
    private static Throwable unwrapped(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof java.util.concurrent.ExecutionException
                || current instanceof java.util.concurrent.CompletionException
                || current instanceof FatalStepExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** The latest execution of a run, by its id, or null when there is no such run. */
    public RunSummary ofRun(long runId) {
        JobInstance instance = jobRepository.getJobInstance(runId);
        JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
        return last == null ? null : of(last);
    }

    /** The latest runs, newest first, each as its latest execution. */
    public List<RunSummary> latest(int count) {
        return jobRepository.getJobInstances(OnboardingJobConfiguration.JOB_NAME, 0, count).stream()
                .map(instance -> jobRepository.getLastJobExecution(instance))
                .filter(java.util.Objects::nonNull)
                .map(this::of)
                .toList();
    }

    /** The summary of the latest execution of the run these parameters identify, or null if none. */
    public RunSummary lastOf(JobParameters parameters) {
        JobExecution last = jobRepository.getLastJobExecution(OnboardingJobConfiguration.JOB_NAME, parameters);
        return last == null ? null : of(last);
    }
}
