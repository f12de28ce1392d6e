package io.onboarding.report;

import io.onboarding.ledger.RowResultRepository;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Writes a run's reports ({@link ReportFiles}: {@code results.csv} and {@code rejects.csv}) from the row outcomes
 * the run recorded. A dry run records none: its rows go into the files as they are validated.
 */
@Component
public class RunReportWriter {

    public static final String RESULTS_FILE = "results.csv";
    public static final String REJECTS_FILE = "rejects.csv";

    private final RowResultRepository results;

    RunReportWriter(RowResultRepository results) {
        this.results = results;
    }

    /**
     * Writes both reports into {@code folder}, each replacing an earlier one atomically so that a reader
     * never sees half a file.
     *
     * @param inputHeader the input file's header cells, for rejects.csv
     * @param separator the input file's separator, so rejects.csv opens like the file it came from
     * @return the path of results.csv
     */
    public Path write(long runId, Path folder, List<String> inputHeader, char separator) {
        // One pass over the run's rows, streamed: a file of a million rows needs no more memory than one.
        ReportFiles files = ReportFiles.create(folder, inputHeader, separator);
        try {
            results.forEachInRun(runId, files::add);
        } catch (RuntimeException e) {
            files.close();
            throw e;
        }
        return files.publish();
    }
}
