package io.onboarding.cli;

import io.onboarding.job.RunSummaries;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code history}: the latest runs, newest first, from every source (command line, cron, inbox). */
@Command(name = "history", description = "List the latest runs, newest first: status, times, rows, file.")
class HistoryCommand extends SpringCommand {

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many runs (default 20).")
    int limit;

    @Override
    int execute(ConfigurableApplicationContext context) {
        new RunListing(System.out).table(context.getBean(RunSummaries.class).latest(limit));
        return ExitCodes.OK;
    }
}
