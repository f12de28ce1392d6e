package io.onboarding;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Bulk onboarding of Google Workspace customers for a reseller. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OnboardingApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(OnboardingApplication.class, args)));
    }
}
