package io.onboarding.schedule;

import io.onboarding.provisioning.Sleeper;
import io.onboarding.runs.FileRuns;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;

/** In {@code serve} mode, processes the inbox on its cron expression. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "onboarding.inbox.enabled", havingValue = "true")
class NightlyInbox {

    private final InboxProperties properties;

    NightlyInbox(InboxProperties properties) {
        this.properties = properties;
    }

    /** The inbox's locks in the shared database, in a region of their own. */
    @Bean
    DefaultLockRepository inboxLockRepository(DataSource dataSource, PlatformTransactionManager transactionManager) {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource);
        repository.setRegion("inbox");
        repository.setTransactionManager(transactionManager);
        return repository;
    }

    @Bean(destroyMethod = "close")
    InboxFileLocks inboxFileLocks(DefaultLockRepository inboxLockRepository) {
        return new InboxFileLocks(new JdbcLockRegistry(inboxLockRepository), properties.lockLease());
    }

    @Bean
    Inbox inbox(FileRuns runs, Clock clock, Sleeper sleeper, InboxFileLocks inboxFileLocks) {
        return new Inbox(properties, runs, clock, sleeper, inboxFileLocks);
    }

    @Bean
    Tick inboxTick(Inbox inbox) {
        return new Tick(inbox);
    }

    /** The inbox processed on its cron expression. */
    static final class Tick {

        private static final Logger log = LoggerFactory.getLogger(Tick.class);

        private final Inbox inbox;

        Tick(Inbox inbox) {
            this.inbox = inbox;
        }

        @Scheduled(cron = "${onboarding.inbox.cron:0 0 2 * * *}")
        void run() {
            try {
                inbox.processAll();
            } catch (RuntimeException e) {
                // One bad tick (a full disk, a missing folder) must not end the service; the next tick tries again.
                log.error("Inbox tick failed: {}", e.getMessage(), e);
            }
        }
    }
}
