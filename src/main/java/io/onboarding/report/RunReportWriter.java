package io.onboarding.report;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import io.onboarding.csv.SpreadsheetCells;
import io.onboarding.ledger.RowResult;
import io.onboarding.ledger.RowResultRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Writes a run's reports, safe to open in a spreadsheet: {@code results.csv}, one line per input row,
 * and {@code rejects.csv}, the rows that need the operator in the input's own columns plus an
 * {@code errors} column — fix the cells and submit that file as it is.
 */
@Component
public class RunReportWriter {

    public static final String RESULTS_FILE = "results.csv";
    public static final String REJECTS_FILE = "rejects.csv";
    static final String[] HEADER = {"line", "customerDomain", "externalId", "outcome", "customerId", "adminEmail",
        "errorReason", "errorMessage", "warnings", "retries"};
    static final String ERRORS_COLUMN = "errors";

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
        List<RowResult> rows = results.findByRun(runId);
        try {
            Files.createDirectories(folder);
            Path resultsFile = writeAtomically(folder.resolve(RESULTS_FILE), ',', csv -> {
                csv.writeNext(HEADER);
                for (RowResult row : rows) {
                    csv.writeNext(cells(Stream.of(Long.toString(row.line()), row.customerDomain(), row.externalId(),
                            row.outcome().name(), row.customerId(), row.adminEmail(), row.errorReason(),
                            row.errorMessage(), row.warnings(), Integer.toString(row.retries()))));
                }
            });
            writeAtomically(folder.resolve(REJECTS_FILE), separator, csv -> {
                List<String> header = new ArrayList<>(inputHeader);
                header.add(ERRORS_COLUMN);
                csv.writeNext(cells(header.stream()));
                for (RowResult row : rows) {
                    if (row.outcome().needsAttention()) {
                        List<String> cells = new ArrayList<>(row.inputCells());
                        while (cells.size() < inputHeader.size()) {
                            cells.add("");
                        }
                        cells.add(row.outcome() + ": " + row.errorMessage());
                        csv.writeNext(cells(cells.stream()));
                    }
                }
            });
            return resultsFile;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the reports into " + folder, e);
        }
    }

    private interface Rows {
        void write(ICSVWriter csv) throws IOException;
    }

    private static Path writeAtomically(Path target, char separator, Rows rows) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
                ICSVWriter csv = new CSVWriterBuilder(out).withSeparator(separator).build()) {
            rows.write(csv);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static String[] cells(Stream<String> cells) {
        return cells.map(SpreadsheetCells::neutralise).toArray(String[]::new);
    }
}
