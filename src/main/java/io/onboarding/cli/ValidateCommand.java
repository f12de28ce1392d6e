package io.onboarding.cli;

import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code validate FILE}: a dry run. */
@Command(name = "validate", description = "Check FILE and write its reports without any call to Google "
        + "(a dry run; repeat it at will, it never blocks the real run).")
class ValidateCommand extends SpringCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The customers CSV.")
    Path file;

    @Override
    int execute(ConfigurableApplicationContext context) {
        return RunText.of(context).run(file, true);
    }
}
