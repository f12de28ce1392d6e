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
 */
@ConfigurationProperties("onboarding.inbox")
public record InboxProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("inbox") Path dir,
        @DefaultValue("0 0 2 * * *") String cron,
        @DefaultValue("5s") Duration settleTime) {
}
