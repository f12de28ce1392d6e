package io.onboarding.job;

import java.time.Instant;
import java.util.Optional;
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
        ProcessHandle self = ProcessHandle.current();
        execution.getExecutionContext().putLong(PID, self.pid());
        execution.getExecutionContext().putString(STARTED, startOf(self).map(Instant::toString).orElse(""));
        // Stored now, not after the first step: another process must see the owner from the start.
        jobRepository.updateExecutionContext(execution);
    }

    /** Whether the process that ran this execution is still alive; an execution without a mark is not. */
    static boolean isAlive(JobExecution execution) {
        if (!execution.getExecutionContext().containsKey(PID)) {
            return false;
        }
        long pid = execution.getExecutionContext().getLong(PID);
        String started = execution.getExecutionContext().getString(STARTED, "");
        // The start time tells a reused pid from the owner itself.
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> started.isEmpty() || startOf(process).map(Instant::toString).orElse("").equals(started))
                .isPresent();
    }

    private static Optional<Instant> startOf(ProcessHandle process) {
        return process.info().startInstant();
    }
}
