package io.onboarding.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Top-level settings of a run ({@code onboarding.*}).
 *
 * @param mode {@code auto} (production when Google credentials are configured, else the sandbox),
 *     {@code sandbox} or {@code production}
 * @param reportDir where each run's report folder is created
 * @param chunkSize rows per transaction: the checkpoint interval of a run
 * @param workers rows provisioned at the same time, 1 to 16; a chunk waits for its slowest row, so a chunk of a
 *     few times this many keeps the workers busy
 * @param progressInterval how often a run prints a progress line when its output is not a terminal (cron)
 * @param credentialsFile whether each run writes its new admins' first passwords to {@code credentials.csv}
 *     (owner-read-only) in its report folder
 */
@ConfigurationProperties("onboarding")
public record OnboardingProperties(
        @DefaultValue("auto") RunMode.Setting mode,
        @DefaultValue("reports") Path reportDir,
        @DefaultValue("20") int chunkSize,
        @DefaultValue("4") int workers,
        @DefaultValue("30s") java.time.Duration progressInterval,
        @DefaultValue("false") boolean credentialsFile) {

    /** Every worker may hold a database connection while the chunk holds another: keep well inside the pool. */
    public static final int MAX_WORKERS = 16;

    public OnboardingProperties {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("onboarding.chunk-size must be at least 1, was " + chunkSize);
        }
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("onboarding.workers must be between 1 and " + MAX_WORKERS + ", was "
                    + workers);
        }
    }
}
