package io.onboarding.ledger;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Somebody's hold on a customer domain while it works on it, so that no two runs (or a run and an
 * operator's notify) order, create an admin or send a notice for one customer at the same time.
 *
 * @param runId the holding run, or null for an operator's notify
 * @param expiresAt when another process may take the claim over unless its holder renews it
 */
public record Claim(String customerDomain, Long runId, ProcessIdentity process, LocalDateTime claimedAt,
        LocalDateTime expiresAt) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** In an operator's words: "run 12 (host h, process 345) since 2026-12-04 14:02:11". */
    public String describe() {
        return new ProvisioningRun(runId, null, process).describe() + " since " + WHEN.format(claimedAt);
    }
}
