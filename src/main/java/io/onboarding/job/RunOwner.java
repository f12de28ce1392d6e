package io.onboarding.job;

import io.onboarding.ledger.ProcessIdentity;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Marks each execution with the process running it (pid and that process's start time), so that another
 * process sharing the database can tell a run that is alive from one whose process was killed.
 */
final class RunOwner implements JobExecutionListener {

    static final String PID = "owner.pid";
    static final String STARTED = "owner.started";

    private final JobRepository jobRepository;

    RunOwner(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        ProcessIdentity self = ProcessIdentity.current();
        execution.getExecutionContext().putLong(PID, self.pid());
        execution.getExecutionContext().putString(STARTED, self.started());
        // Stored now, not after the first step: another process must see the owner from the start.
        jobRepository.updateExecutionContext(execution);
    }

    /** Whether the process that ran this execution is still alive; an execution without a mark is not. */
    static boolean isAlive(JobExecution execution) {
        if (!execution.getExecutionContext().containsKey(PID)) {
            return false;
        }
        return ProcessIdentity.isAlive(execution.getExecutionContext().getLong(PID),
                execution.getExecutionContext().getString(STARTED, ""));
    }
}
