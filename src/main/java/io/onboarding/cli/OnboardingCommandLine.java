package io.onboarding.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: subcommands for cron and operators, {@code --help}, and the documented exit codes. */
@Command(name = "workspace-onboarding", mixinStandardHelpOptions = true, versionProvider = OnboardingCommandLine.Version.class,
        description = "Onboards Google Workspace customers from a CSV file through the Reseller and Directory APIs.",
        subcommands = {RunCommand.class, ValidateCommand.class, StatusCommand.class, HistoryCommand.class,
                RestartCommand.class, StopCommand.class, NotifyCommand.class, ServeCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:all rows onboarded or already onboarded (a dry run: all valid)",
                "3:finished, with rejected or failed rows (see rejects.csv)",
                "1:the run failed or was stopped; the same command resumes it",
                "2:usage or configuration error, or an unusable file; nothing started"})
public final class OnboardingCommandLine implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and answers the process's exit code. */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new OnboardingCommandLine());
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> {
            line.getErr().println("Unexpected error: " + exception);
            return ExitCodes.USAGE;
        });
        return commandLine.execute(args);
    }

    /** Set by {@code ./mvnw spring-boot:run} (pom.xml): a newcomer's first command, not cron. */
    public static final String FIRST_RUN = "onboarding.first-run";

    /**
     * The command line as a newcomer's first {@code ./mvnw spring-boot:run} runs it: rows to fix end with a hint
     * and exit code 0 — the sample file has rows meant to be rejected, and Maven would print exit code 3 as a red
     * build failure. Real failures keep their codes.
     */
    public static int firstRun(String... args) {
        int exitCode = execute(args);
        if (exitCode != ExitCodes.ROWS_TO_FIX) {
            return exitCode;
        }
        System.out.println();
        System.out.println("The sample file has rows meant to be rejected: rejects.csv says why. Run as a command "
                + "(java -jar target/workspace-onboarding.jar run FILE) or from cron, this ends with exit code 3 — "
                + "'finished, some rows to fix'; this Maven run ends with 0.");
        return ExitCodes.OK;
    }

    @Override
    public void run() {
        // No subcommand: say what there is, and fail as any usage error does.
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: run, validate, status, "
                + "history, restart, stop, notify or serve");
    }

    /** The version, from the jar's manifest when packaged. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = OnboardingCommandLine.class.getPackage().getImplementationVersion();
            return new String[] {"workspace-onboarding " + (version == null ? "(development build)" : version)};
        }
    }
}
