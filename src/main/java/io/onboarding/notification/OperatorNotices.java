package io.onboarding.notification;

import io.onboarding.ledger.Claim;
import io.onboarding.ledger.DomainClaims;
import io.onboarding.ledger.LedgerEntry;
import io.onboarding.ledger.NoticeStatus;
import io.onboarding.ledger.ProvisioningLedger;
import io.onboarding.ledger.ProvisioningRun;
import io.onboarding.validation.CustomerDomainKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What an operator can do about a complete customer's notice, from the command line or the console: send it
 * again now, or record that one a crash left uncertain did arrive. Thread-safe.
 */
@Component
public class OperatorNotices {

    private static final Logger log = LoggerFactory.getLogger(OperatorNotices.class);
    private static final String NOT_A_DOMAIN = "that is not a domain name";
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ProvisioningLedger ledger;
    private final DomainClaims claims;
    private final NoticeDelivery delivery;
    private final NoticeProperties properties;

    OperatorNotices(ProvisioningLedger ledger, DomainClaims claims, NoticeDelivery delivery,
            NoticeProperties properties) {
        this.ledger = ledger;
        this.claims = claims;
        this.delivery = delivery;
        this.properties = properties;
    }

    /**
     * Sends a complete customer's notice again, now, because an operator asked: after a crash left it
     * {@code UNCERTAIN}, or when the customer lost it. A domain customer's admin gets a new temporary
     * password first, so that any earlier notice's password stops working.
     *
     * @param typedDomain the domain as an operator typed it: {@code Bäckerei-Müller.de}, {@code https://acme.de}
     * @param folder where an outbox notice and the credentials file go
     */
    public Resend resend(String typedDomain, Path folder) {
        if (!properties.enabled()) {
            return new Resend(false, "notices are off (onboarding.notices.enabled=false): nothing is sent");
        }
        String customerDomain = CustomerDomainKey.of(typedDomain);
        if (customerDomain == null) {
            return new Resend(false, NOT_A_DOMAIN);
        }
        LedgerEntry entry = ledger.find(customerDomain).orElse(null);
        if (entry == null || !entry.completed()) {
            return new Resend(false, customerDomain + " is not a customer this job has onboarded completely; "
                    + "the results.csv of its run says where it stands");
        }
        if (entry.noticeAddress() == null) {
            return new Resend(false, customerDomain + " was onboarded before notices existed: there is no address "
                    + "to send one to");
        }
        ProvisioningRun operator = ProvisioningRun.operator(folder);
        Optional<Claim> busy = claims.claim(customerDomain, operator);
        if (busy.isPresent()) {
            return new Resend(true, busy.get().describe() + " is working on " + customerDomain + " right now, and "
                    + "may be sending its notice: nothing was sent. Try again once it has finished");
        }
        try {
            return new Resend(true, delivery.deliver(ledger.find(customerDomain).orElseThrow(), null, operator, true));
        } finally {
            claims.release(customerDomain, operator);
        }
    }

    /** Where the notices an operator asks for go (outbox, credentials file): not a run, so a folder of its own. */
    public static Path resendFolder(Path reportDir, Clock clock) {
        return reportDir.toAbsolutePath().resolve("notices-" + FOLDER_TIME.format(LocalDateTime.now(clock)));
    }

    /**
     * What became of a resend.
     *
     * @param known whether the domain is a complete customer with a notice address
     * @param problem why nothing was sent, or null when the notice went
     */
    public record Resend(boolean known, String problem) {
    }

    /**
     * Records that a notice a crash left {@code UNCERTAIN} did arrive — the operator checked the mail
     * server's log or asked the customer — so that runs stop listing it. Nothing is sent.
     *
     * @param typedDomain the domain as an operator typed it
     * @return why it was not recorded, or null when it was
     */
    public String confirmArrived(String typedDomain) {
        String customerDomain = CustomerDomainKey.of(typedDomain);
        if (customerDomain == null) {
            return NOT_A_DOMAIN;
        }
        LedgerEntry entry = ledger.find(customerDomain).orElse(null);
        if (entry == null || entry.noticeStatus() != NoticeStatus.UNCERTAIN) {
            return customerDomain + " has no notice that a crash left uncertain"
                    + (entry == null || entry.noticeStatus() == null ? "" : " (its notice is " + entry.noticeStatus()
                            .name().toLowerCase(Locale.ROOT) + ")");
        }
        ledger.notice(customerDomain, NoticeStatus.SENT, null);
        log.info("{}: its notice to {} arrived, as an operator confirmed", customerDomain,
                entry.noticeAddress().recipient());
        return null;
    }
}
