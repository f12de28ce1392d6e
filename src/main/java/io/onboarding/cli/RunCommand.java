package io.onboarding.cli;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run FILE}: onboards a file, resumes its unfinished run, or refuses it when already done. */
@Command(name = "run", description = "Onboard the customers in FILE. Resumes this file's run if it was killed, "
        + "stopped or failed; refuses a file already processed completely.")
class RunCommand extends SpringCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The customers CSV.")
    Path file;

    @Option(names = "--dry-run", description = "Validate and write the reports, without any call to Google.")
    boolean dryRun;

    @Option(names = "--no-notify", description = "Send no notices to customers (you mail them yourself); with "
            + "--onboarding.credentials-file=true the run's credentials.csv is the hand-over.")
    boolean noNotify;

    @Option(names = "--workers", paramLabel = "N", description = "Rows provisioned at the same time (1-16; "
            + "default onboarding.workers).")
    Integer workers;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Where the run's report folder is created "
            + "(default onboarding.report-dir).")
    Path reportDir;

    @Override
    void configure(Map<String, String> properties) {
        if (noNotify) {
            properties.put("onboarding.notices.enabled", "false");
        }
        if (workers != null) {
            properties.put("onboarding.workers", workers.toString());
        }
        if (reportDir != null) {
            properties.put("onboarding.report-dir", reportDir.toAbsolutePath().toString());
        }
    }

    @Override
    int execute(ConfigurableApplicationContext context) {
        return RunText.of(context).run(file, dryRun);
    }
}
