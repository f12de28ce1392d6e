package io.onboarding.job;

import io.onboarding.ledger.Outcome;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;

/**
 * What a run did: its status, how many rows ended in each outcome, and where its report is.
 *
 * @param runId the job instance id, which also names the report folder
 * @param inputFile the file the run read
 * @param dryRun whether it only validated
 * @param resultsFile absolute path of results.csv, or null when the run stopped before writing it
 * @param failures why the run itself failed (not row failures, which are outcomes): when the cause is one an
 *     operator can act on (Google refused the credentials), its explanation alone, kept with the run so that
 *     another process shows it too; otherwise each failure's class and message, known only to the process that
 *     ran it. Empty for a run that completed or was stopped on request.
 */
public record RunSummary(
        long runId,
        long executionId,
        String inputFile,
        boolean dryRun,
        BatchStatus status,
        LocalDateTime startTime,
        LocalDateTime endTime,
        Map<Outcome, Integer> counts,
        String resultsFile,
        List<String> failures) {

    /** Why the run stopped before its end, in an operator's words as far as known, or null. */
    public String problem() {
        return failures.isEmpty() ? null : failures.get(0);
    }

    public int rows() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Rows whose outcome an operator must act on: rejected, failed, partial, transfer required. */
    public int rowsToFix() {
        return counts.entrySet().stream().filter(entry -> entry.getKey().needsAttention())
                .mapToInt(Map.Entry::getValue).sum();
    }
}
