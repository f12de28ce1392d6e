package io.onboarding.runs;

import io.onboarding.job.RunSummary;
import io.onboarding.ledger.LedgerEntry;
import java.util.List;

/** What a request on a run came to, for each door to put in its own words (text and exit code, page, folder). */
public sealed interface RunAnswer {

    /** The run as it stands (for a file already complete: its completed run), or null when there is none. */
    RunSummary summary();

    /**
     * In an operator's words, why nothing was started or why the run stopped before its end (e.g. Google refused
     * the credentials: what to authorise where), or null.
     */
    String problem();

    /**
     * The run ran or resumed, and ended as its summary says (completed, failed or stopped).
     *
     * @param uncertainNotices notices a crash cut short, in any run: said after every run until the operator decides
     */
    record Ran(RunSummary summary, List<LedgerEntry> uncertainNotices) implements RunAnswer {

        public Ran {
            uncertainNotices = List.copyOf(uncertainNotices);
        }

        @Override
        public String problem() {
            return summary.problem();
        }
    }

    /**
     * Refused: the same file (name and content) was already processed completely; nothing was sent.
     *
     * @param summary the completed run, or null when another process completed it and it cannot be read back
     */
    record AlreadyComplete(RunSummary summary) implements RunAnswer {

        @Override
        public String problem() {
            return null;
        }
    }

    /** Nothing was started: the file is unusable, or the run does not exist or cannot be restarted. */
    record NotStarted(String problem) implements RunAnswer {

        @Override
        public RunSummary summary() {
            return null;
        }
    }

    /** Nothing was started: this file's or run's run is going on in another process right now. */
    record StillRunning(String problem) implements RunAnswer {

        @Override
        public RunSummary summary() {
            return null;
        }
    }

    /** A running run was asked to stop after its current chunk. */
    record StopRequested(RunSummary summary) implements RunAnswer {

        @Override
        public String problem() {
            return null;
        }
    }
}
