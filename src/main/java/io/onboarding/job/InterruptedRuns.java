package io.onboarding.job;

import io.onboarding.ledger.RunLeases;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Finds a run that was killed or crashed and makes it restartable. A process killed mid-run leaves its
 * execution marked as running for ever; it is dead when the process that ran it (recorded by
 * {@link RunOwner}) is gone, since several processes may share the database (a {@code stop} from a shell
 * while cron's run goes on).
 */
@Component
public class InterruptedRuns {

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final RunLeases runLeases;

    InterruptedRuns(JobRepository jobRepository, JobOperator jobOperator, RunLeases runLeases) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.runLeases = runLeases;
    }

    /**
     * Marks a dead execution of the run these parameters identify as failed, so that starting the same
     * parameters again resumes it after its last checkpoint.
     *
     * @return the run's id when the run did not finish (killed, crashed or failed) and will be resumed
     */
    public Optional<Long> recover(JobParameters parameters) {
        return recover(jobRepository.getLastJobExecution(OnboardingJobConfiguration.JOB_NAME, parameters));
    }

    /** As {@link #recover(JobParameters)}, for the latest execution of a run known by its id. */
    public Optional<Long> recover(long runId) {
        JobInstance instance = jobRepository.getJobInstance(runId);
        return instance == null ? Optional.empty() : recover(jobRepository.getLastJobExecution(instance));
    }

    private Optional<Long> recover(JobExecution latest) {
        JobExecution last = latest;
        if (last != null && last.getStatus().isRunning()) {
            Optional<RunLeases.Lease> lease = runLeases.of(last.getId());
            if (lease.isPresent() && runLeases.isAlive(lease.get())) {
                throw new RunStillAliveException(last.getJobInstance().getInstanceId(), lease.get().holder().toString());
            }
            // A run of a release before leases: only its process's mark on this host tells.
            if (lease.isEmpty() && RunOwner.isAlive(last)) {
                throw new RunStillAliveException(last.getJobInstance().getInstanceId(),
                        "process " + last.getExecutionContext().getLong(RunOwner.PID));
            }
        }
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
