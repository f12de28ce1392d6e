package io.onboarding.cli;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code stop RUN}: asks a running run, in any process, to stop after its current chunk. */
@Command(name = "stop", description = "Stop a running run gracefully: it finishes its current chunk, records it, "
        + "and can be resumed with 'restart RUN'.")
class StopCommand extends SpringCommand {

    @Parameters(index = "0", paramLabel = "RUN", description = "The run's number, as 'history' shows it.")
    long runId;

    @Override
    int execute(ConfigurableApplicationContext context) {
        return RunText.of(context).stop(runId);
    }
}
