package io.onboarding.cli;

import io.onboarding.job.RunSummary;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Prints runs for {@code status} (one, in full) and {@code history} (a line each). */
final class RunListing {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final PrintStream out;

    RunListing(PrintStream out) {
        this.out = out;
    }

    void table(List<RunSummary> runs) {
        out.printf("%-5s %-10s %-19s %-19s %7s %7s %7s  %s%n", "RUN", "STATUS", "STARTED", "ENDED", "ROWS", "DONE",
                "TO FIX", "FILE");
        for (RunSummary run : runs) {
            out.printf("%-5d %-10s %-19s %-19s %7d %7d %7d  %s%s%n", run.runId(), run.status(), time(run.startTime()),
                    time(run.endTime()), run.rows(), run.rows() - run.rowsToFix(), run.rowsToFix(), run.inputFile(),
                    run.dryRun() ? " (dry run)" : "");
        }
    }

    void full(RunSummary run) {
        out.println("Run " + run.runId() + (run.dryRun() ? " (dry run)" : "") + ": " + run.status());
        run.failures().forEach(failure -> out.println("  run failure: " + failure));
        out.println("  file:     " + run.inputFile());
        out.println("  started:  " + time(run.startTime()));
        out.println("  ended:    " + time(run.endTime()));
        out.println("  rows:     " + run.rows() + " recorded, " + run.rowsToFix() + " to fix");
        run.counts().forEach((outcome, count) -> {
            if (count > 0) {
                out.printf("    %-20s %d%n", outcome, count);
            }
        });
        out.println("  report:   " + (run.resultsFile() == null ? "(not written yet)" : run.resultsFile()));
    }

    private static String time(LocalDateTime time) {
        return time == null ? "-" : TIME.format(time);
    }
}
