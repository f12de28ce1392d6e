package io.onboarding.cli;

import io.onboarding.job.RunSummary;

/**
 * How a command on a run ended.
 *
 * @param exitCode one of {@link ExitCodes}
 * @param problem why nothing was started, in an operator's words, or null
 * @param summary the run as it stands (for a refused file: its completed run), or null
 */
public record RunAnswer(int exitCode, String problem, RunSummary summary) {

    static RunAnswer refused(String problem) {
        return new RunAnswer(ExitCodes.USAGE, problem, null);
    }

    static RunAnswer of(RunSummary summary) {
        return new RunAnswer(ExitCodes.of(summary), null, summary);
    }
}
