package io.onboarding.cli;

import io.onboarding.job.RunSummary;

/**
 * How a command on a run ended, for each door to put in its own words.
 *
 * @param exitCode one of {@link ExitCodes}
 * @param ending what happened: the run ran, was refused as already complete, was not started, or was asked to stop
 * @param problem in an operator's words, why nothing was started or why the run stopped before its end (e.g.
 *     Google refused the credentials: what to authorise where), or null
 * @param summary the run as it stands (for a file already complete: its completed run), or null
 */
public record RunAnswer(int exitCode, Ending ending, String problem, RunSummary summary) {

    /** What a command on a run did. */
    public enum Ending {
        /** The run ran or resumed, and ended as its summary says (completed, failed or stopped). */
        RAN,
        /** Refused: the same file (name and content) was already processed completely; nothing was sent. */
        ALREADY_COMPLETE,
        /** Nothing was started: {@link RunAnswer#problem()} says why. */
        NOT_STARTED,
        /** A running run was asked to stop after its current chunk. */
        STOP_REQUESTED
    }

    static RunAnswer refused(String problem) {
        return new RunAnswer(ExitCodes.USAGE, Ending.NOT_STARTED, problem, null);
    }

    static RunAnswer of(RunSummary summary) {
        return new RunAnswer(ExitCodes.of(summary), Ending.RAN, summary.problem(), summary);
    }

    /** A script sees the file's state as its completed run left it. */
    static RunAnswer alreadyComplete(RunSummary completed) {
        return new RunAnswer(completed == null ? ExitCodes.OK : ExitCodes.of(completed), Ending.ALREADY_COMPLETE, null,
                completed);
    }
}
