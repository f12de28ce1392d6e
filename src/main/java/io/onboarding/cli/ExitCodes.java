package io.onboarding.cli;

import io.onboarding.job.RunSummary;
import io.onboarding.runs.RunAnswer;
import org.springframework.batch.core.BatchStatus;

/** The exit codes a cron job or script acts on (README, "Exit codes"). */
final class ExitCodes {

    /** Every row onboarded, already onboarded, transferred, or (dry run) valid. */
    public static final int OK = 0;
    /** The run did not finish; the same command resumes it after its last checkpoint. */
    public static final int RESUMABLE = 1;
    /** Usage or configuration error, or an unusable file: nothing was started. */
    public static final int USAGE = 2;
    /** The run finished, and some rows were rejected or failed: see rejects.csv. */
    public static final int ROWS_TO_FIX = 3;

    private ExitCodes() {
    }

    /** A script sees the file's state as its run left it; refusals that started nothing are usage errors. */
    static int of(RunAnswer answer) {
        if (answer instanceof RunAnswer.Ran || answer instanceof RunAnswer.AlreadyComplete) {
            return answer.summary() == null ? OK : of(answer.summary());
        }
        return answer instanceof RunAnswer.StopRequested ? OK : USAGE;
    }

    static int of(RunSummary summary) {
        if (summary.status() != BatchStatus.COMPLETED) {
            return RESUMABLE;
        }
        return summary.rowsToFix() > 0 ? ROWS_TO_FIX : OK;
    }
}
