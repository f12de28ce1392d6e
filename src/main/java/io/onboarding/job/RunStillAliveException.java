package io.onboarding.job;

/** A run cannot be resumed or restarted while the process running it is alive. */
public class RunStillAliveException extends RuntimeException {

    /** @param where the process running it, e.g. "host h1, process 4711" */
    public RunStillAliveException(long runId, String where) {
        super("Run " + runId + " is still running (" + where + "). Wait for it to finish, or stop it with "
                + "'workspace-onboarding stop " + runId + "' (it ends after its current chunk) and then resume it.");
    }
}
