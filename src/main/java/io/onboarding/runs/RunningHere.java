package io.onboarding.runs;

import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The runs this process is running. When the application is shut down (SIGTERM, Ctrl-C, a console redeploy) each
 * is asked to stop after its current chunk and the shutdown waits for it (up to
 * {@code spring.lifecycle.timeout-per-shutdown-phase}), so the run ends recorded as STOPPED at a checkpoint and
 * resumes from there, instead of dying mid-chunk with its database gone.
 */
@Component
class RunningHere implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RunningHere.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final Set<JobParameters> running = new HashSet<>();
    private boolean accepting = true;

    RunningHere(JobOperator jobOperator, JobRepository jobRepository, Job job) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = job;
    }

    /** Counts a run in; false when the application is shutting down and no run may start any more. */
    synchronized boolean enter(JobParameters parameters) {
        if (!accepting) {
            return false;
        }
        running.add(parameters);
        return true;
    }

    synchronized void leave(JobParameters parameters) {
        running.remove(parameters);
        notifyAll();
    }

    @Override
    public void start() {
        // Runs are counted in as they start; nothing to do here.
    }

    @Override
    public void stop() {
        stop(() -> {
        });
    }

    @Override
    public void stop(Runnable callback) {
        Set<JobParameters> toStop;
        synchronized (this) {
            accepting = false;
            toStop = Set.copyOf(running);
        }
        for (JobParameters parameters : toStop) {
            JobExecution execution = jobRepository.getLastJobExecution(job.getName(), parameters);
            if (execution != null && execution.isRunning()) {
                log.info("Shutting down: run {} stops after its current chunk", execution.getJobInstance().getInstanceId());
                try {
                    jobOperator.stop(execution);
                } catch (JobExecutionNotRunningException e) {
                    // It ended by itself meanwhile.
                }
            }
        }
        Thread waiting = new Thread(() -> {
            awaitNoneRunning();
            callback.run();
        }, "runs-shutdown");
        waiting.setDaemon(true);
        waiting.start();
    }

    private synchronized void awaitNoneRunning() {
        while (!running.isEmpty()) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return accepting;
    }
}
