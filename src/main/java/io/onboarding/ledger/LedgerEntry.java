package io.onboarding.ledger;

import java.time.LocalDateTime;

/**
 * What Google has confirmed for one customer domain, whichever run or file did it.
 *
 * @param adminAttemptedEmail the admin address a users.insert was last sent for (it may have been applied
 *     even though no answer came back)
 * @param completedByRun the run that finished the customer, or null while steps remain
 * @param noticeStatus where the customer's notice stands; null for customers completed before notices existed
 * @param noticeAddress whom the notice goes to, once the customer is complete
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
        NoticeAddress noticeAddress) {

    public boolean ordered() {
        return customerId != null;
    }

    public boolean completed() {
        return completedByRun != null;
    }
}
