package io.onboarding.web;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** In {@code serve}: deletes uploads older than {@code onboarding.uploads.retention}, at start and then daily. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnWebApplication
class UploadRetention {

    private static final Logger log = LoggerFactory.getLogger(UploadRetention.class);

    private final Uploads uploads;
    private final UploadProperties properties;
    private final Clock clock;

    UploadRetention(Uploads uploads, UploadProperties properties, Clock clock) {
        this.uploads = uploads;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "P1D")
    void deleteExpired() {
        try {
            int deleted = uploads.deleteStoredBefore(clock.instant().minus(properties.retention()));
            if (deleted > 0) {
                log.info("Console: deleted {} upload(s) older than {} (their reports stay)", deleted,
                        properties.retention());
            }
        } catch (RuntimeException e) {
            // A failed clean-up must not end the service; tomorrow's tries again.
            log.warn("Console: could not delete old uploads: {}", e.getMessage());
        }
    }
}
