package io.onboarding.job;

import io.onboarding.ledger.DomainClaims;
import io.onboarding.ledger.ProvisioningRun;
import io.onboarding.ledger.RunLeases;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.DisposableBean;

/**
 * Keeps a running run's domain claims and its own lease (which process runs it) alive: renews them every third of
 * the lease while the run executes, and releases them when it ends (stopped and failed runs included). A run whose
 * process dies stops renewing, so its claims can be taken over, and the run recovered from another host, after the
 * lease.
 */
final class ClaimHeartbeat implements JobExecutionListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ClaimHeartbeat.class);

    private final DomainClaims claims;
    private final RunLeases runLeases;
    private final Function<JobExecution, ProvisioningRun> runOf;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "claim-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Long, ScheduledFuture<?>> beats = new ConcurrentHashMap<>();

    ClaimHeartbeat(DomainClaims claims, RunLeases runLeases, Function<JobExecution, ProvisioningRun> runOf) {
        this.claims = claims;
        this.runLeases = runLeases;
        this.runOf = runOf;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        ProvisioningRun run = runOf.apply(execution);
        runLeases.hold(execution.getId());
        long every = Math.max(1, claims.lease().toMillis() / 3);
        beats.put(execution.getId(), timer.scheduleWithFixedDelay(() -> renew(run, execution.getId()), every, every,
                TimeUnit.MILLISECONDS));
    }

    @Override
    public void afterJob(JobExecution execution) {
        ScheduledFuture<?> beat = beats.remove(execution.getId());
        if (beat != null) {
            beat.cancel(false);
        }
        claims.releaseAll(runOf.apply(execution));
        runLeases.release(execution.getId());
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }

    private void renew(ProvisioningRun run, long executionId) {
        try {
            runLeases.renew(executionId);
            claims.renew(run);
        } catch (RuntimeException e) {
            // The next beat tries again; a lease is three beats long.
            log.warn("Could not renew the domain claims of {}: {}", run.describe(), e.getMessage());
        }
    }
}
