package io.onboarding;

import io.onboarding.cli.OnboardingCommandLine;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Bulk onboarding of Google Workspace customers for a reseller. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OnboardingApplication {

    public static void main(String[] args) {
        System.exit(Boolean.getBoolean(OnboardingCommandLine.FIRST_RUN) ? OnboardingCommandLine.firstRun(args)
                : OnboardingCommandLine.execute(args));
    }
}
