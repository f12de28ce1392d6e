package io.onboarding.job;

import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Finds a run that was killed or crashed and makes it restartable. A process killed mid-run leaves its
 * execution marked as running for ever; since only one process can hold the file database, an
 * execution that looks running to the process holding it is a dead one.
 */
@Component
public class InterruptedRuns {

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;

    InterruptedRuns(JobRepository jobRepository, JobOperator jobOperator) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
    }

    /**
     * Marks a dead execution of the run these parameters identify as failed, so that starting the same
     * parameters again resumes it after its last checkpoint.
     *
     * @return the run's id when the run did not finish (killed, crashed or failed) and will be resumed
     */
    public Optional<Long> recover(JobParameters parameters) {
        JobExecution last = jobRepository.getLastJobExecution(OnboardingJobConfiguration.JOB_NAME, parameters);
        if (last == null || !(last.getStatus().isRunning() || last.getStatus() == BatchStatus.FAILED
                || last.getStatus() == BatchStatus.STOPPED)) {
            return Optional.empty();
        }
        if (last.getStatus().isRunning()) {
            jobOperator.recover(last);
        }
        return Optional.of(last.getJobInstance().getInstanceId());
    }
}
