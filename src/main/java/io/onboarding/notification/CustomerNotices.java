package io.onboarding.notification;

import io.onboarding.google.GoogleApiException;
import io.onboarding.ledger.Claim;
import io.onboarding.ledger.DomainClaims;
import io.onboarding.ledger.LedgerEntry;
import io.onboarding.ledger.NoticeStatus;
import io.onboarding.ledger.ProvisioningLedger;
import io.onboarding.ledger.ProvisioningRun;
import io.onboarding.provisioning.CustomerProvisioner;
import io.onboarding.validation.CustomerDomainKey;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a complete customer over: one notice — in its language — telling it how to sign in and that it must
 * accept the Google Workspace via Reseller agreement itself, and (if asked for) a line in the run's
 * credentials file. The ledger records each notice, so that a restarted run never sends one twice and a
 * notice that failed is sent by the next run. Thread-safe.
 */
public class CustomerNotices {

    private static final Logger log = LoggerFactory.getLogger(CustomerNotices.class);
    private static final String NOT_A_DOMAIN = "that is not a domain name";
    private static final java.time.format.DateTimeFormatter FOLDER_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ProvisioningLedger ledger;
    private final DomainClaims claims;
    private final CustomerProvisioner provisioner;
    private final NoticeTemplates templates;
    private final NoticeSender sender;
    private final NoticeProperties properties;
    private final boolean credentialsFile;

    CustomerNotices(ProvisioningLedger ledger, DomainClaims claims, CustomerProvisioner provisioner,
            NoticeTemplates templates, NoticeSender sender, NoticeProperties properties, boolean credentialsFile) {
        this.ledger = ledger;
        this.claims = claims;
        this.provisioner = provisioner;
        this.templates = templates;
        this.sender = sender;
        this.properties = properties;
        this.credentialsFile = credentialsFile;
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
            return uncertainWarning(customerDomain, entry.noticeAddress().recipient());
        }
        if (entry == null || !entry.completed() || entry.noticeStatus() == null || !entry.noticeStatus().owed()) {
            return null;
        }
        return deliver(entry, adminPassword, run, false);
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
                if (deliver(entry, null, run, false) == null) {
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
            return new Resend(true, deliver(ledger.find(customerDomain).orElseThrow(), null, operator, true));
        } finally {
            claims.release(customerDomain, operator);
        }
    }

    /** Where the notices an operator asks for go (outbox, credentials file): not a run, so a folder of its own. */
    public static Path resendFolder(Path reportDir, Clock clock) {
        return reportDir.toAbsolutePath().resolve("notices-" + FOLDER_TIME.format(java.time.LocalDateTime.now(clock)));
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
                            .name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        ledger.notice(customerDomain, NoticeStatus.SENT, null);
        log.info("{}: its notice to {} arrived, as an operator confirmed", customerDomain,
                entry.noticeAddress().recipient());
        return null;
    }

    /**
     * What became of a resend.
     *
     * @param known whether the domain is a complete customer with a notice address
     * @param problem why nothing was sent, or null when the notice went
     */
    public record Resend(boolean known, String problem) {
    }

    private String deliver(LedgerEntry entry, String knownPassword, ProvisioningRun run, boolean onRequest) {
        String domain = entry.customerDomain();
        Path runFolder = run.folder();
        NoticeKind kind = entry.transferred() ? NoticeKind.TRANSFERRED
                : "team".equals(entry.customerType()) ? NoticeKind.TEAM : NoticeKind.DOMAIN;
        // An attempt leaves its trace where it was made: the folder the ledger names, not necessarily this run's.
        Path attemptedIn = entry.noticeFolder() != null ? entry.noticeFolder() : runFolder;
        if (!onRequest && (entry.noticeStatus() == NoticeStatus.ATTEMPTED || sender.leavesItsOwnTrace())) {
            switch (sender.earlierAttempt(kind, domain, attemptedIn)) {
                case DELIVERED -> {
                    ledger.notice(domain, NoticeStatus.SENT, null);
                    return null;
                }
                case UNKNOWN -> {
                    return uncertain(domain, entry.noticeAddress().recipient());
                }
                case NOT_DELIVERED -> {
                    // Sent now, as if the crash had come a moment earlier.
                }
            }
        }
        String password = knownPassword;
        if (kind == NoticeKind.DOMAIN && password == null && (properties.enabled() || credentialsFile)) {
            try {
                password = provisioner.resetAdminPassword(entry.adminEmail());
            } catch (GoogleApiException e) {
                return failed(domain, "could not set a new temporary password for " + entry.adminEmail() + ": "
                        + e.getMessage());
            }
        }
        if (credentialsFile && password != null) {
            CredentialsFile.append(runFolder, domain, entry.adminEmail(), password);
        }
        if (!properties.enabled()) {
            ledger.notice(domain, NoticeStatus.SKIPPED, null);
            return null;
        }
        Notice notice;
        try {
            notice = templates.render(kind, entry.noticeAddress().language(), domain, entry.noticeAddress().recipient(),
                    variables(kind, entry, password));
        } catch (RuntimeException e) {
            return failed(domain, "the notice template could not be rendered (" + e.getMessage() + ")");
        }
        if (!sender.leavesItsOwnTrace()) {
            ledger.notice(domain, NoticeStatus.ATTEMPTED, null);
        } else if (!runFolder.equals(attemptedIn)) {
            // Another run's (or notify's) folder from now on: a crash after this is looked for there.
            ledger.noticeFolder(domain, runFolder);
        }
        try {
            sender.send(notice, runFolder);
        } catch (NoticeDeliveryException e) {
            return failed(domain, e.getMessage());
        }
        ledger.notice(domain, NoticeStatus.SENT, null);
        log.info("{}: {} notice ({}) sent to {}", domain, kind.templateName(), notice.language(), notice.recipient());
        return null;
    }

    private String uncertain(String domain, String recipient) {
        ledger.notice(domain, NoticeStatus.UNCERTAIN, "a crash cut its sending short");
        log.warn("{}: a crash cut the sending of its notice to {} short; it may have arrived, so it is not sent "
                + "again by itself", domain, recipient);
        return uncertainWarning(domain, recipient);
    }

    private static String uncertainWarning(String domain, String recipient) {
        return "notice: a crash cut its sending to " + recipient + " short, so it may have arrived; not sent again, "
                + "so that nobody gets two with different passwords. If it did not arrive: notify " + domain;
    }

    private String failed(String domain, String why) {
        ledger.notice(domain, NoticeStatus.FAILED, why);
        log.warn("{}: notice not sent: {}; the next run sends it again", domain, why);
        return "notice: not sent (" + why + "); the next run sends it again";
    }

    private Map<String, String> variables(NoticeKind kind, LedgerEntry entry, String password) {
        Map<String, String> variables = new HashMap<>();
        variables.put("customerDomain", entry.customerDomain());
        variables.put("customerId", entry.customerId());
        variables.put("contactName", entry.noticeAddress().contactName());
        variables.put("organizationName", entry.noticeAddress().organizationName());
        variables.put("resellerName", properties.resellerName());
        variables.put("adminConsoleUrl", properties.adminConsoleUrl());
        if (kind == NoticeKind.DOMAIN) {
            variables.put("adminEmail", entry.adminEmail());
            variables.put("temporaryPassword", password);
        } else if (kind == NoticeKind.TEAM) {
            variables.put("primaryAdminEmail", entry.noticeAddress().recipient());
        }
        return variables;
    }
}
