package io.onboarding.provisioning;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How transient Google failures are retried ({@code onboarding.retry.*}): truncated exponential backoff
 * with full jitter, as Google recommends.
 *
 * @param maxAttempts tries per call, the first included
 * @param baseDelay the cap of the first wait; it doubles per try
 * @param maxDelay no wait is longer than this
 */
@ConfigurationProperties("onboarding.retry")
public record RetryProperties(
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1s") Duration baseDelay,
        @DefaultValue("16s") Duration maxDelay) {

    public RetryProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("onboarding.retry.max-attempts must be at least 1, was " + maxAttempts);
        }
    }
}
