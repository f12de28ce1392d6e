package io.onboarding.report;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import io.onboarding.ledger.RowResult;
import io.onboarding.ledger.RowResultRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** Writes a run's {@code results.csv}: one line per input row, safe to open in a spreadsheet. */
@Component
public class RunReportWriter {

    public static final String RESULTS_FILE = "results.csv";
    static final String[] HEADER = {"line", "customerDomain", "externalId", "outcome", "customerId", "adminEmail",
        "errorReason", "errorMessage"};

    private final RowResultRepository results;

    RunReportWriter(RowResultRepository results) {
        this.results = results;
    }

    /**
     * Writes the report into {@code folder}, replacing an earlier one atomically so that a reader never
     * sees half a file.
     *
     * @return the path of results.csv
     */
    public Path write(long runId, Path folder) {
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(RESULTS_FILE);
            Path partial = folder.resolve(RESULTS_FILE + ".partial");
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
                    ICSVWriter csv = new CSVWriter(out)) {
                csv.writeNext(HEADER);
                for (RowResult row : results.findByRun(runId)) {
                    csv.writeNext(cells(row));
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report into " + folder, e);
        }
    }

    private static String[] cells(RowResult row) {
        return Stream.of(Long.toString(row.line()), row.customerDomain(), row.externalId(), row.outcome().name(),
                        row.customerId(), row.adminEmail(), row.errorReason(), row.errorMessage())
                .map(SpreadsheetCell::neutralise)
                .toArray(String[]::new);
    }
}
