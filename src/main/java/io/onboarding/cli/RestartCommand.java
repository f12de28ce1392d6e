package io.onboarding.cli;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code restart RUN}: resumes a stopped or failed run from its last checkpoint. */
@Command(name = "restart", description = "Resume a stopped, failed or killed run from its last checkpoint.")
class RestartCommand extends SpringCommand {

    @Parameters(index = "0", paramLabel = "RUN", description = "The run's number, as 'history' shows it.")
    long runId;

    @Override
    int execute(ConfigurableApplicationContext context) {
        return RunText.of(context).restart(runId);
    }
}
