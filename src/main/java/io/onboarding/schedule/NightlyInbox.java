package io.onboarding.schedule;

import io.onboarding.provisioning.Sleeper;
import io.onboarding.runs.FileRuns;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** In {@code serve} mode, processes the inbox on its cron expression. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "onboarding.inbox.enabled", havingValue = "true")
class NightlyInbox {

    private static final Logger log = LoggerFactory.getLogger(NightlyInbox.class);

    private final Inbox inbox;

    NightlyInbox(InboxProperties properties, FileRuns runs, Clock clock, Sleeper sleeper) {
        this.inbox = new Inbox(properties, runs, clock, sleeper);
    }

    @Bean
    Inbox inbox() {
        return inbox;
    }

    @Scheduled(cron = "${onboarding.inbox.cron:0 0 2 * * *}")
    void tick() {
        try {
            inbox.processAll();
        } catch (RuntimeException e) {
            // One bad tick (a full disk, a missing folder) must not end the service; the next tick tries again.
            log.error("Inbox tick failed: {}", e.getMessage(), e);
        }
    }
}
