package io.onboarding.runs;

import io.onboarding.csv.CustomerCsvFile;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * What a run tells the door that started it while it goes on, before its {@link RunAnswer}; each method does
 * nothing unless the door wants it (the command line prints it, the console and the inbox need only the answer).
 */
public interface RunListener {

    /** Does nothing with any of it. */
    RunListener NONE = new RunListener() {
    };

    /** The file was read through once: its rows, separator and columns the job does not know. */
    default void inspected(CustomerCsvFile.Inspection inspection) {
    }

    /** This file's earlier run did not finish; it is resumed after its last checkpoint. */
    default void resuming(long runId) {
    }

    /** A stopped or failed run is started again by its id. */
    default void restarting(long runId, Path input) {
    }

    /**
     * The job starts now; {@code rowsDone} answers how many rows have an outcome so far, until {@link #ended()}.
     */
    default void started(long rows, LongSupplier rowsDone) {
    }

    /** The job returned (completed, failed or stopped), or never started. */
    default void ended() {
    }
}
