package io.onboarding.cli;

import io.onboarding.notification.OperatorNotices;
import io.onboarding.system.OnboardingProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code notify DOMAIN...}: sends complete customers their notice again, because an operator decided to —
 * the answer to a notice a crash left uncertain, or to a customer who lost theirs.
 */
@Command(name = "notify", description = "Send these customers their notice again now: after a crash left it "
        + "uncertain (a run lists those), or when a customer lost it. A domain customer's admin gets a new "
        + "temporary password, so an earlier notice's password stops working.")
class NotifyCommand extends SpringCommand {

    @Parameters(arity = "1..*", paramLabel = "DOMAIN", description = "Customer domains, as in the CSV.")
    List<String> domains;

    @Option(names = "--arrived", description = "Send nothing: record that these uncertain notices did arrive "
            + "(you checked the mail server's log or asked the customer), so that runs stop listing them.")
    boolean arrived;

    @Override
    int execute(ConfigurableApplicationContext context) {
        OperatorNotices notices = context.getBean(OperatorNotices.class);
        if (arrived) {
            return confirmArrived(notices);
        }
        Path folder = OperatorNotices.resendFolder(context.getBean(OnboardingProperties.class).reportDir(),
                context.getBean(Clock.class));
        int exitCode = ExitCodes.OK;
        for (String domain : domains) {
            OperatorNotices.Resend resend = notices.resend(domain, folder);
            if (resend.problem() == null) {
                System.out.println(domain + ": notice sent");
            } else {
                System.err.println(domain + ": not sent: " + resend.problem());
                exitCode = Math.max(exitCode, resend.known() ? ExitCodes.ROWS_TO_FIX : ExitCodes.USAGE);
            }
        }
        if (Files.isDirectory(folder)) {
            System.out.println("Written into " + folder);
        }
        return exitCode;
    }

    private int confirmArrived(OperatorNotices notices) {
        int exitCode = ExitCodes.OK;
        for (String domain : domains) {
            String problem = notices.confirmArrived(domain);
            if (problem == null) {
                System.out.println(domain + ": recorded as arrived");
            } else {
                System.err.println(domain + ": not recorded: " + problem);
                exitCode = ExitCodes.USAGE;
            }
        }
        return exitCode;
    }
}
