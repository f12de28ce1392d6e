package io.onboarding.cli;

import io.onboarding.OnboardingApplication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * A subcommand that needs the application: starts it with the command's options as properties, does its
 * work, and closes it. Any {@code --property=value} after the command is passed to Spring as it is.
 */
abstract class SpringCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--sandbox", description = "Use the embedded sandbox even when Google credentials are configured.")
    boolean sandbox;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (String argument : springArguments) {
            if (!argument.matches("--[A-Za-z][\\w.\\-\\[\\]]*=.*")) {
                throw new ParameterException(spec.commandLine(), "Unknown option or argument: " + argument);
            }
        }
        Map<String, String> properties = new LinkedHashMap<>();
        if (sandbox) {
            properties.put("onboarding.mode", "sandbox");
        }
        configure(properties);
        List<String> arguments = new ArrayList<>();
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        // A command's own option (--workers) beats the same property passed through (--onboarding.workers=).
        springArguments.stream().filter(argument -> !properties.containsKey(argument.substring(2, argument.indexOf('='))))
                .forEach(arguments::add);
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(OnboardingApplication.class).run(arguments.toArray(String[]::new));
        } catch (RuntimeException e) {
            // Spring Boot has already explained it (a failure analysis: what is wrong, what to do).
            return ExitCodes.USAGE;
        }
        try {
            return execute(context);
        } finally {
            if (closesWhenDone()) {
                context.close();
            }
        }
    }

    /** Adds the properties this command's options stand for. */
    void configure(Map<String, String> properties) {
    }

    abstract int execute(ConfigurableApplicationContext context);

    boolean closesWhenDone() {
        return true;
    }
}
