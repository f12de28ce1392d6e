package io.onboarding.notification;

import io.onboarding.ledger.DomainClaims;
import io.onboarding.ledger.LedgerEntry;
import io.onboarding.ledger.NoticeStatus;
import io.onboarding.ledger.ProvisioningLedger;
import io.onboarding.ledger.ProvisioningRun;
import org.springframework.stereotype.Component;

/**
 * A run's hand-over of each complete customer: one notice — in its language — telling it how to sign in and
 * that it must accept the Google Workspace via Reseller agreement itself, and (if asked for) a line in the
 * run's credentials file. The ledger records each notice, so that a restarted run never sends one twice and
 * a notice that failed is sent by the next run. Thread-safe.
 */
@Component
public class CustomerNotices {

    private final ProvisioningLedger ledger;
    private final DomainClaims claims;
    private final NoticeDelivery delivery;

    CustomerNotices(ProvisioningLedger ledger, DomainClaims claims, NoticeDelivery delivery) {
        this.ledger = ledger;
        this.claims = claims;
        this.delivery = delivery;
    }

    /**
     * Sends the notice the customer of this domain is owed, if any. The run holds the domain's claim.
     *
     * @param adminPassword the admin's password when this run set it; null means unknown, and a domain
     *     customer's admin then gets a new one (users.update) so that the notice can carry it
     * @return a warning for the row when the notice could not be sent, else null
     */
    public String handOver(String customerDomain, String adminPassword, ProvisioningRun run) {
        LedgerEntry entry = ledger.find(customerDomain).orElse(null);
        if (entry != null && entry.noticeStatus() == NoticeStatus.UNCERTAIN) {
            // Said again when a crash makes the row run twice, so that its line in the report keeps it.
            return NoticeDelivery.uncertainWarning(customerDomain, entry.noticeAddress().recipient());
        }
        if (entry == null || !entry.completed() || entry.noticeStatus() == null || !entry.noticeStatus().owed()) {
            return null;
        }
        return delivery.deliver(entry, adminPassword, run, false);
    }

    /**
     * Sends every notice still owed from earlier runs (failed, or cut short by a crash). A customer another
     * live run is working on is left to that run: its notice may be on its way.
     */
    public OwedNotices sendOwed(ProvisioningRun run) {
        int sent = 0;
        int failed = 0;
        int uncertain = 0;
        for (LedgerEntry owed : ledger.owedNotices()) {
            String domain = owed.customerDomain();
            // This run's own failures wait for the next run: the mail server just said no.
            if (owed.completedByRun().equals(run.id()) && owed.noticeStatus() == NoticeStatus.FAILED) {
                continue;
            }
            if (claims.claim(domain, run).isPresent()) {
                continue;
            }
            try {
                // Read again under the claim: the run that held it may have sent the notice meanwhile.
                LedgerEntry entry = ledger.find(domain).filter(e -> e.noticeStatus() != null && e.noticeStatus().owed())
                        .orElse(null);
                if (entry == null) {
                    continue;
                }
                if (delivery.deliver(entry, null, run, false) == null) {
                    sent++;
                } else if (ledger.find(domain).map(LedgerEntry::noticeStatus).orElse(null) == NoticeStatus.UNCERTAIN) {
                    uncertain++;
                } else {
                    failed++;
                }
            } finally {
                claims.release(domain, run);
            }
        }
        return new OwedNotices(sent, failed, uncertain);
    }

    /**
     * How the owed notices went.
     *
     * @param uncertain cut short by a crash, not sent again: the operator decides
     */
    public record OwedNotices(int sent, int failed, int uncertain) {
    }
}
