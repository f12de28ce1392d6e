package io.onboarding.report;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import io.onboarding.csv.CustomerCsvFile;
import io.onboarding.csv.SpreadsheetCells;
import io.onboarding.ledger.RowResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A run's two reports being written row by row, into {@code .partial} files that {@link #publish} gives their
 * names: {@code results.csv}, one line per input row, and {@code rejects.csv}, the rows that need the operator
 * in the input's own columns plus an {@code errors} column. Both are safe to open in a spreadsheet (UTF-8 with a
 * byte-order mark, formula-like cells neutralised). Memory does not grow with the rows: each goes to the file.
 */
public final class ReportFiles implements AutoCloseable {

    static final String[] HEADER = {"line", "customerDomain", "externalId", "outcome", "customerId", "adminEmail",
        "errorReason", "errorMessage", "warnings", "retries"};
    static final String ERRORS_COLUMN = "errors";

    /** How far both files are written: a checkpoint to come back to after a crash. */
    public record Position(long resultsBytes, long rejectsBytes) {
    }

    private final Path folder;
    private final int inputColumns;
    private final Output results;
    private final Output rejects;

    private ReportFiles(Path folder, List<String> inputHeader, char separator, Position resumeAt) throws IOException {
        this.folder = folder;
        this.inputColumns = inputHeader.size();
        Files.createDirectories(folder);
        this.results = new Output(partial(folder.resolve(RunReportWriter.RESULTS_FILE)), ',',
                resumeAt == null ? -1 : resumeAt.resultsBytes());
        this.rejects = new Output(partial(folder.resolve(RunReportWriter.REJECTS_FILE)), separator,
                resumeAt == null ? -1 : resumeAt.rejectsBytes());
        if (resumeAt == null) {
            results.csv.writeNext(HEADER);
            List<String> rejectsHeader = new ArrayList<>(inputHeader);
            rejectsHeader.add(ERRORS_COLUMN);
            rejects.csv.writeNext(cells(rejectsHeader.stream()));
        }
    }

    /**
     * New reports in {@code folder}.
     *
     * @param inputHeader the input file's header cells, for rejects.csv
     * @param separator the input file's separator, so rejects.csv opens like the file it came from
     */
    public static ReportFiles create(Path folder, List<String> inputHeader, char separator) {
        try {
            return new ReportFiles(folder, inputHeader, separator, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the reports into " + folder, e);
        }
    }

    /** The reports begun earlier, cut back to {@code position}: what was written after it is written again. */
    public static ReportFiles resume(Path folder, List<String> inputHeader, char separator, Position position) {
        try {
            return new ReportFiles(folder, inputHeader, separator, position);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the reports into " + folder, e);
        }
    }

    public void add(RowResult row) {
        results.csv.writeNext(cells(Stream.of(Long.toString(row.line()), row.customerDomain(), row.externalId(),
                row.outcome().name(), row.customerId(), row.adminEmail(), row.errorReason(), row.errorMessage(),
                row.warnings(), Integer.toString(row.retries()))));
        if (row.outcome().needsAttention()) {
            List<String> cells = new ArrayList<>(row.inputCells());
            while (cells.size() < inputColumns) {
                cells.add("");
            }
            cells.add(row.outcome() + ": " + row.errorMessage());
            rejects.csv.writeNext(cells(cells.stream()));
        }
    }

    /** Writes out what was added and says how far the files are. */
    public Position flush() {
        try {
            return new Position(results.flush(), rejects.flush());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the reports into " + folder, e);
        }
    }

    /**
     * Closes the files and gives them their names, each replacing an earlier one atomically so that a reader never
     * sees half a file.
     *
     * @return the path of results.csv
     */
    public Path publish() {
        close();
        return publish(folder);
    }

    /** Gives reports written earlier (and closed) their names; a file published already stays as it is. */
    public static Path publish(Path folder) {
        Path resultsFile = folder.resolve(RunReportWriter.RESULTS_FILE);
        try {
            for (Path file : List.of(resultsFile, folder.resolve(RunReportWriter.REJECTS_FILE))) {
                if (Files.exists(partial(file))) {
                    Files.move(partial(file), file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the reports into " + folder, e);
        }
        return resultsFile;
    }

    @Override
    public void close() {
        try (Output first = results; Output second = rejects) {
            // both closed, the second even when the first fails
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

    /** One CSV file written through a channel, so that its position is known after each flush. */
    private static final class Output implements AutoCloseable {

        private final FileChannel channel;
        private final ICSVWriter csv;

        /** A new file (resumeAt -1), or an earlier one cut back to {@code resumeAt} bytes. */
        Output(Path file, char separator, long resumeAt) throws IOException {
            this.channel = resumeAt < 0
                    ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.WRITE)
                    : FileChannel.open(file, StandardOpenOption.WRITE);
            if (resumeAt >= 0) {
                channel.truncate(resumeAt);
                channel.position(resumeAt);
            }
            Writer out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel),
                    StandardCharsets.UTF_8));
            if (resumeAt < 0) {
                // Excel (what operators open reports with) takes UTF-8 only with its byte-order mark.
                out.write(CustomerCsvFile.BYTE_ORDER_MARK);
            }
            this.csv = new CSVWriterBuilder(out).withSeparator(separator).build();
        }

        long flush() throws IOException {
            csv.flush();
            return channel.position();
        }

        @Override
        public void close() throws IOException {
            csv.close();
        }
    }
}
