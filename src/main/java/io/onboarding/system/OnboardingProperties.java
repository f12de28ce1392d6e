package io.onboarding.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Top-level settings of a run ({@code onboarding.*}).
 *
 * @param mode {@code auto} (production when Google credentials are configured, else the sandbox),
 *     {@code sandbox} or {@code production}
 * @param input the CSV the command line runs when none is given as an argument
 * @param reportDir where each run's report folder is created
 * @param chunkSize rows per transaction: the checkpoint interval of a run
 */
@ConfigurationProperties("onboarding")
public record OnboardingProperties(
        @DefaultValue("auto") RunMode.Setting mode,
        @DefaultValue("sample-data/customers.csv") Path input,
        @DefaultValue("reports") Path reportDir,
        @DefaultValue("10") int chunkSize) {

    public OnboardingProperties {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("onboarding.chunk-size must be at least 1, was " + chunkSize);
        }
    }
}
