package io.onboarding.report;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import io.onboarding.csv.CustomerCsvFile;
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
 * Writes a run's reports, safe to open in a spreadsheet (UTF-8 with a byte-order mark, formula-like cells
 * neutralised): {@code results.csv}, one line per input row,
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
        try {
            Files.createDirectories(folder);
            Path resultsFile = folder.resolve(RESULTS_FILE);
            Path rejectsFile = folder.resolve(REJECTS_FILE);
            Path resultsPartial = partial(resultsFile);
            Path rejectsPartial = partial(rejectsFile);
            // One pass over the run's rows, streamed: a file of a million rows needs no more memory than one.
            try (Writer resultsOut = Files.newBufferedWriter(resultsPartial, StandardCharsets.UTF_8);
                    ICSVWriter results = new CSVWriterBuilder(resultsOut).build();
                    Writer rejectsOut = Files.newBufferedWriter(rejectsPartial, StandardCharsets.UTF_8);
                    ICSVWriter rejects = new CSVWriterBuilder(rejectsOut).withSeparator(separator).build()) {
                // Excel (what operators open reports with) takes UTF-8 only with its byte-order mark.
                resultsOut.write(CustomerCsvFile.BYTE_ORDER_MARK);
                rejectsOut.write(CustomerCsvFile.BYTE_ORDER_MARK);
                results.writeNext(HEADER);
                List<String> rejectsHeader = new ArrayList<>(inputHeader);
                rejectsHeader.add(ERRORS_COLUMN);
                rejects.writeNext(cells(rejectsHeader.stream()));
                this.results.forEachInRun(runId, row -> {
                    results.writeNext(cells(Stream.of(Long.toString(row.line()), row.customerDomain(),
                            row.externalId(), row.outcome().name(), row.customerId(), row.adminEmail(),
                            row.errorReason(), row.errorMessage(), row.warnings(), Integer.toString(row.retries()))));
                    if (row.outcome().needsAttention()) {
                        List<String> cells = new ArrayList<>(row.inputCells());
                        while (cells.size() < inputHeader.size()) {
                            cells.add("");
                        }
                        cells.add(row.outcome() + ": " + row.errorMessage());
                        rejects.writeNext(cells(cells.stream()));
                    }
                });
            }
            Files.move(resultsPartial, resultsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(rejectsPartial, rejectsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return resultsFile;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the reports into " + folder, e);
        }
    }

    private static Path partial(Path target) {
        return target.resolveSibling(target.getFileName() + ".partial");
    }

    private static String[] cells(Stream<String> cells) {
        return cells.map(SpreadsheetCells::neutralise).toArray(String[]::new);
    }
}
