package io.onboarding.job;

/** A run cannot be resumed or restarted while the process running it is alive. */
public class RunStillAliveException extends RuntimeException {

    public RunStillAliveException(long runId, long pid) {
        super("Run " + runId + " is still running in process " + pid + ". Wait for it to finish, or stop it with "
                + "'workspace-onboarding stop " + runId + "' (it ends after its current chunk) and then resume it.");
    }
}
