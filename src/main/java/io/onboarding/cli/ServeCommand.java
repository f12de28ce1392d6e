package io.onboarding.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;

/** {@code serve}: stays up and processes the inbox folder on a schedule (nightly by default). */
@Command(name = "serve", description = "Stay up with the operator web console (server.port, default 8080) and, on "
        + "onboarding.inbox.cron (default 02:00 daily), run every CSV in the inbox folder in name order: inbox/ -> "
        + "processing/ -> done/ or failed/, the report beside it.")
class ServeCommand extends SpringCommand {

    @Override
    void configure(Map<String, String> properties) {
        properties.put("onboarding.inbox.enabled", "true");
        properties.put("spring.main.web-application-type", "servlet");
    }

    @Override
    int execute(ConfigurableApplicationContext context) {
        // The inbox's own settings, as the schedule reads them, without the command line knowing that door.
        String inbox = Path.of(context.getEnvironment().getProperty("onboarding.inbox.dir", "inbox")).toAbsolutePath()
                .normalize().toString();
        String cron = context.getEnvironment().getProperty("onboarding.inbox.cron", "-");
        // "-" is Spring's "never": a console whose nightly file is run elsewhere (a Kubernetes CronJob).
        System.out.println("workspace-onboarding: serving " + ("-".equals(cron) ? "the console; the inbox schedule is off"
                : "the inbox " + inbox + " on cron '" + cron + "'") + ". Stop with Ctrl-C or SIGTERM.");
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    @Override
    boolean closesWhenDone() {
        return false;
    }
}
