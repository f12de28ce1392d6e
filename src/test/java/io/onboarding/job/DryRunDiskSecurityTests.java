package io.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.onboarding.ledger.Outcome;
import io.onboarding.ledger.RowResult;
import io.onboarding.ledger.RowResultRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13, "a dry run of a 200 MB file grew the database from 2.6 MB to 2.0 GB": a dry run writes its rows into
 * its reports, and the database keeps only the counts and the first rows to fix that status and the console show.
 */
// A large file: failsafe runs it.
@Tag("slow")
class DryRunDiskSecurityTests extends JobEndToEndTest {

    @Autowired
    RunSummaries summaries;

    @Autowired
    RowResultRepository results;

    @Test
    void aDryRunStoresNoRowOutcomesBeyondTheFirstRowsToFixYetReportsAndCountsEveryRow() throws Exception {
        // given 3,000 rows, one in three with a postal code Germany does not have
        StringBuilder csv = new StringBuilder(SIMPLE_HEADER);
        for (int i = 0; i < 3_000; i++) {
            csv.append("dry-").append(i).append(".com,Org ").append(i).append(",Kim Kunde,")
                    .append(i % 3 == 0 ? "ABC" : "10115").append(",DE,kim@example.org,Kim,Kunde\n");
        }
        Path input = Files.writeString(tmp.resolve("big.csv"), csv);

        // when it is validated
        JobExecution execution = jobs.startJob(OnboardingJobParameters.forDryRun(input, Instant.now()));

        // then the database holds no more than the first rows to fix of it
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long runId = execution.getJobInstance().getInstanceId();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ONBOARDING_ROW_RESULT WHERE RUN_ID = ?").param(runId)
                .query(Long.class).single()).isEqualTo(DryRunReportWriter.KEPT_ROWS_TO_FIX);
        assertThat(results.page(runId, List.of(Outcome.INVALID), 0, 100)).hasSize(DryRunReportWriter.KEPT_ROWS_TO_FIX)
                .allSatisfy(row -> assertThat(row.line() % 3).isEqualTo(2));
        // and status counts every row, and the reports have every row once
        RunSummary summary = summaries.ofRun(runId);
        assertThat(summary.counts()).containsEntry(Outcome.VALID, 2_000).containsEntry(Outcome.INVALID, 1_000);
        assertThat(summary.rows()).isEqualTo(3_000);
        List<String[]> reported = readCsv(resultsOf(execution), ',');
        assertThat(reported).hasSize(3_001);
        assertThat(reported.subList(1, 3_001)).extracting(row -> row[0])
                .containsExactlyElementsOf(LongStream.rangeClosed(2, 3_001).mapToObj(Long::toString).toList());
        assertThat(readCsv(resultsOf(execution).resolveSibling("rejects.csv"), ',')).hasSize(1_001);
    }

    @Test
    void aDryRunRestartedAfterACrashCutsItsReportsBackToTheCheckpointAndWritesEachRowOnce() throws Exception {
        // given a dry run's writer that checkpointed one chunk, wrote the next and died before its commit
        Path input = Files.writeString(tmp.resolve("crash.csv"), SIMPLE_HEADER + customerRows("crash", 4));
        Path folder = tmp.resolve("reports/crash-run999");
        ExecutionContext checkpoint = new ExecutionContext();
        DryRunReportWriter first = new DryRunReportWriter(results, 999, input, folder);
        first.open(checkpoint);
        first.write(Chunk.of(valid(2), invalid(3)));
        first.update(checkpoint);
        ExecutionContext committed = new ExecutionContext(checkpoint);
        first.write(Chunk.of(valid(4), invalid(5)));
        first.close();

        // when the restarted step opens it from the committed checkpoint and writes that chunk again
        DryRunReportWriter restarted = new DryRunReportWriter(results, 999, input, folder);
        restarted.open(committed);
        restarted.write(Chunk.of(valid(4), invalid(5)));
        restarted.update(committed);
        restarted.close();
        io.onboarding.report.ReportFiles.publish(folder);

        // then each row is in the reports once, in order
        assertThat(readCsv(folder.resolve("results.csv"), ',')).extracting(row -> row[0])
                .containsExactly("line", "2", "3", "4", "5");
        assertThat(readCsv(folder.resolve("rejects.csv"), ',')).hasSize(3);
    }

    private static RowResult valid(long line) {
        return new RowResult(line, "crash-" + line + ".com", null, Outcome.VALID, null, null, null, null, null, List.of());
    }

    private static RowResult invalid(long line) {
        return new RowResult(line, "crash-" + line + ".com", null, Outcome.INVALID, null, null, "postalCode",
                "postalCode: not a German postal code", null, List.of("crash-" + line + ".com", "Org"));
    }
}
