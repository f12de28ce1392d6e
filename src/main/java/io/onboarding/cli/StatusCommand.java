package io.onboarding.cli;

import io.onboarding.job.RunSummaries;
import io.onboarding.job.RunSummary;
import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code status [FILE|RUN]}: one run in full; its exit code is the run's. */
@Command(name = "status", description = "Show a run: by number, by the file it read (its latest run), or the "
        + "latest run of all. Exits with the run's code (0, 3, or 1 while unfinished); 2 when there is none.")
class StatusCommand extends SpringCommand {

    /** How far back a file's runs are looked for. */
    private static final int SEARCHED = 10_000;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|RUN", description = "A run number or a CSV file.")
    String which;

    @Override
    int execute(ConfigurableApplicationContext context) {
        RunSummaries summaries = context.getBean(RunSummaries.class);
        RunSummary run;
        if (which == null) {
            run = summaries.latest(1).stream().findFirst().orElse(null);
        } else if (which.matches("\\d+")) {
            run = summaries.ofRun(Long.parseLong(which));
        } else {
            String file = Path.of(which).toAbsolutePath().normalize().toString();
            run = summaries.latest(SEARCHED).stream().filter(summary -> file.equals(summary.inputFile())).findFirst()
                    .orElse(null);
        }
        if (run == null) {
            System.err.println(which == null ? "No run yet." : "No run of " + which + "; 'history' lists the runs.");
            return ExitCodes.USAGE;
        }
        new RunListing(System.out).full(run);
        return ExitCodes.of(run);
    }
}
