package io.onboarding.schedule;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The inbox that {@code serve} processes ({@code onboarding.inbox.*}).
 *
 * @param enabled set by {@code serve}; nothing watches the inbox otherwise
 * @param dir the folder operators drop CSV files into; {@code processing/}, {@code done/} and
 *     {@code failed/} are created inside it
 * @param cron when to process it (Spring cron: second minute hour day month weekday); by default 02:00 daily
 * @param settleTime how long a file's size and time must stay the same before it counts as fully written
 * @param lockLease how long an instance's hold on an inbox file lasts unless renewed (every third of it, while the
 *     file runs); several instances on one database and one inbox folder run each file once, and a file held by an
 *     instance that died is taken over after this
 */
@ConfigurationProperties("onboarding.inbox")
public record InboxProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("inbox") Path dir,
        @DefaultValue("0 0 2 * * *") String cron,
        @DefaultValue("5s") Duration settleTime,
        @DefaultValue("2m") Duration lockLease) {
}
