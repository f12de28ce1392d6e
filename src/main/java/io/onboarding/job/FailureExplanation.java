package io.onboarding.job;

import io.onboarding.google.GoogleAuthException;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Keeps with a run that Google's refusal of our credentials stopped the explanation an operator acts on
 * (which client to authorise for which scopes, on which Admin console page), so that the run's summary,
 * {@code status} in another process and the console show it first — not the chunk failure Spring Batch
 * wraps it in, whose stack trace stays in the log file.
 */
final class FailureExplanation implements JobExecutionListener {

    /** Key, in the job execution context, of the explanation. */
    static final String KEY = "run.problem";

    private final JobRepository jobRepository;

    FailureExplanation(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        // A resumed run inherits its predecessor's context; the old explanation is not this execution's.
        if (execution.getExecutionContext().containsKey(KEY)) {
            execution.getExecutionContext().remove(KEY);
            jobRepository.updateExecutionContext(execution);
        }
    }

    @Override
    public void afterJob(JobExecution execution) {
        of(execution.getAllFailureExceptions()).ifPresent(explanation -> {
            execution.getExecutionContext().putString(KEY, explanation);
            jobRepository.updateExecutionContext(execution);
        });
    }

    /** The explanation carried somewhere in the failures' cause chains, if one of them is Google's refusal. */
    static Optional<String> of(List<Throwable> failures) {
        for (Throwable failure : failures) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof GoogleAuthException refusal) {
                    return Optional.ofNullable(refusal.getMessage());
                }
            }
        }
        return Optional.empty();
    }
}
