package io.onboarding.job;

import io.onboarding.csv.CustomerCsvFile;
import io.onboarding.ledger.RowResult;
import io.onboarding.ledger.RowResultRepository;
import io.onboarding.report.ReportFiles;
import java.nio.file.Path;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * A dry run's rows go straight into its report files, and the database keeps only what {@code status} and the
 * console show: the count of each outcome and the first {@value #KEPT_ROWS_TO_FIX} rows to fix. (Stored row by
 * row, a dry run of a 200 MB file grew the database to 2 GB.) How far the files are is saved with each chunk's
 * checkpoint, so a restarted dry run cuts them back to it and writes on.
 */
class DryRunReportWriter implements ItemStreamWriter<RowResult> {

    /** Rows to fix a dry run keeps in the database: the console's preview shows them. */
    static final int KEPT_ROWS_TO_FIX = 50;
    private static final String RESULTS_BYTES = "dryRunReport.resultsBytes";
    private static final String REJECTS_BYTES = "dryRunReport.rejectsBytes";

    private final RowResultRepository repository;
    private final long runId;
    private final Path input;
    private final Path folder;
    private ReportFiles files;

    DryRunReportWriter(RowResultRepository repository, long runId, Path input, Path folder) {
        this.repository = repository;
        this.runId = runId;
        this.input = input;
        this.folder = folder;
    }

    @Override
    public void open(ExecutionContext context) {
        List<String> header;
        char separator;
        // rejects.csv gives rows back in the input's own columns and separator, ready to fix and re-submit.
        try (CustomerCsvFile file = CustomerCsvFile.open(input)) {
            header = file.headerCells();
            separator = file.separator();
        }
        files = context.containsKey(RESULTS_BYTES)
                ? ReportFiles.resume(folder, header, separator,
                        new ReportFiles.Position(context.getLong(RESULTS_BYTES), context.getLong(REJECTS_BYTES)))
                : ReportFiles.create(folder, header, separator);
    }

    @Override
    public void write(Chunk<? extends RowResult> chunk) {
        List<? extends RowResult> rows = chunk.getItems();
        rows.forEach(files::add);
        // On disk before the chunk commits: the checkpoint never counts a row the files lack.
        files.flush();
        repository.count(runId, rows);
        List<? extends RowResult> toFix = rows.stream().filter(row -> row.outcome().needsAttention()).toList();
        if (!toFix.isEmpty()) {
            int room = KEPT_ROWS_TO_FIX - repository.stored(runId, List.of());
            if (room > 0) {
                repository.saveAll(runId, toFix.subList(0, Math.min(room, toFix.size())));
            }
        }
    }

    @Override
    public void update(ExecutionContext context) {
        if (files != null) {
            ReportFiles.Position position = files.flush();
            context.putLong(RESULTS_BYTES, position.resultsBytes());
            context.putLong(REJECTS_BYTES, position.rejectsBytes());
        }
    }

    @Override
    public void close() {
        if (files != null) {
            files.close();
            files = null;
        }
    }
}
