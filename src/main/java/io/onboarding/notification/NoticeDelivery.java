package io.onboarding.notification;

import io.onboarding.google.GoogleApiException;
import io.onboarding.ledger.LedgerEntry;
import io.onboarding.ledger.NoticeStatus;
import io.onboarding.ledger.ProvisioningLedger;
import io.onboarding.ledger.ProvisioningRun;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one complete customer's notice and moves its {@link NoticeStatus} in the ledger: a crash between
 * "attempted" and "sent" is settled by asking the sender what became of the attempt, never by sending twice.
 * The caller holds the domain's claim. Thread-safe.
 */
class NoticeDelivery {

    private static final Logger log = LoggerFactory.getLogger(NoticeDelivery.class);

    private final ProvisioningLedger ledger;
    private final AdminPasswordReset passwordReset;
    private final NoticeTemplates templates;
    private final NoticeSender sender;
    private final NoticeProperties properties;
    private final boolean credentialsFile;

    NoticeDelivery(ProvisioningLedger ledger, AdminPasswordReset passwordReset, NoticeTemplates templates,
            NoticeSender sender, NoticeProperties properties, boolean credentialsFile) {
        this.ledger = ledger;
        this.passwordReset = passwordReset;
        this.templates = templates;
        this.sender = sender;
        this.properties = properties;
        this.credentialsFile = credentialsFile;
    }

    /**
     * @param knownPassword the admin's password when this run set it; null means unknown, and a domain
     *     customer's admin then gets a new one so that the notice can carry it
     * @param onRequest an operator asked for it: sent again even if an earlier attempt may have arrived
     * @return a warning for the row when the notice could not be sent, else null
     */
    String deliver(LedgerEntry entry, String knownPassword, ProvisioningRun run, boolean onRequest) {
        String domain = entry.customerDomain();
        Path runFolder = run.folder();
        NoticeKind kind = NoticeKind.of(entry);
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
                password = passwordReset.reset(entry.adminEmail());
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
                    NoticeVariables.of(kind, entry, password, properties));
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

    /** The row's warning for a notice a crash left uncertain: what may have happened, and what to do. */
    static String uncertainWarning(String domain, String recipient) {
        return "notice: a crash cut its sending to " + recipient + " short, so it may have arrived; not sent again, "
                + "so that nobody gets two with different passwords. If it did not arrive: notify " + domain;
    }

    private String uncertain(String domain, String recipient) {
        ledger.notice(domain, NoticeStatus.UNCERTAIN, "a crash cut its sending short");
        log.warn("{}: a crash cut the sending of its notice to {} short; it may have arrived, so it is not sent "
                + "again by itself", domain, recipient);
        return uncertainWarning(domain, recipient);
    }

    private String failed(String domain, String why) {
        ledger.notice(domain, NoticeStatus.FAILED, why);
        log.warn("{}: notice not sent: {}; the next run sends it again", domain, why);
        return "notice: not sent (" + why + "); the next run sends it again";
    }
}
