package io.onboarding.ledger;

import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * What Google has confirmed for one customer domain, whichever run or file did it.
 *
 * @param adminAttemptedEmail the admin address a users.insert was last sent for (it may have been applied
 *     even though no answer came back)
 * @param completedByRun the run that finished the customer, or null while steps remain
 * @param noticeStatus where the customer's notice stands; null for customers completed before notices existed
 * @param noticeAddress whom the notice goes to, once the customer is complete
 * @param noticeFolder the report folder a notice was last written to or is due in (an outbox notice is looked for
 *     there after a crash); null for customers completed before it was recorded
 */
public record LedgerEntry(
        String customerDomain,
        String customerId,
        String customerType,
        boolean transferred,
        String language,
        String adminAttemptedEmail,
        String adminEmail,
        boolean adminCreated,
        boolean adminPromoted,
        Long completedByRun,
        LocalDateTime completedAt,
        NoticeStatus noticeStatus,
        NoticeAddress noticeAddress,
        Path noticeFolder) {

    public boolean ordered() {
        return customerId != null;
    }

    public boolean completed() {
        return completedByRun != null;
    }
}
