package io.onboarding.notification;

import io.onboarding.google.GoogleApiException;
import io.onboarding.ledger.LedgerEntry;
import io.onboarding.ledger.NoticeStatus;
import io.onboarding.ledger.ProvisioningLedger;
import io.onboarding.provisioning.CustomerProvisioner;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
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

    private final ProvisioningLedger ledger;
    private final CustomerProvisioner provisioner;
    private final NoticeTemplates templates;
    private final NoticeSender sender;
    private final NoticeProperties properties;
    private final boolean credentialsFile;

    CustomerNotices(ProvisioningLedger ledger, CustomerProvisioner provisioner, NoticeTemplates templates,
            NoticeSender sender, NoticeProperties properties, boolean credentialsFile) {
        this.ledger = ledger;
        this.provisioner = provisioner;
        this.templates = templates;
        this.sender = sender;
        this.properties = properties;
        this.credentialsFile = credentialsFile;
    }

    /**
     * Sends the notice the customer of this domain is owed, if any.
     *
     * @param adminPassword the admin's password when this run set it; null means unknown, and a domain
     *     customer's admin then gets a new one (users.update) so that the notice can carry it
     * @return a warning for the row when the notice could not be sent, else null
     */
    public String handOver(String customerDomain, String adminPassword, Path runFolder) {
        LedgerEntry entry = ledger.find(customerDomain).orElse(null);
        if (entry == null || !entry.completed() || entry.noticeStatus() == null || !entry.noticeStatus().owed()) {
            return null;
        }
        return deliver(entry, adminPassword, runFolder);
    }

    /** Sends every notice still owed from earlier runs (failed, or cut short by a crash). */
    public OwedNotices sendOwed(long runId, Path runFolder) {
        int sent = 0;
        int failed = 0;
        for (LedgerEntry entry : ledger.owedNotices()) {
            // This run's own failures wait for the next run: the mail server just said no.
            if (entry.completedByRun() == runId && entry.noticeStatus() == NoticeStatus.FAILED) {
                continue;
            }
            if (deliver(entry, null, runFolder) == null) {
                sent++;
            } else {
                failed++;
            }
        }
        return new OwedNotices(sent, failed);
    }

    /** How the owed notices went. */
    public record OwedNotices(int sent, int failed) {
    }

    private String deliver(LedgerEntry entry, String knownPassword, Path runFolder) {
        String domain = entry.customerDomain();
        NoticeKind kind = entry.transferred() ? NoticeKind.TRANSFERRED
                : "team".equals(entry.customerType()) ? NoticeKind.TEAM : NoticeKind.DOMAIN;
        if (entry.noticeStatus() == NoticeStatus.ATTEMPTED && sender.alreadySent(kind, domain, runFolder)) {
            ledger.notice(domain, NoticeStatus.SENT, null);
            return null;
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
        ledger.notice(domain, NoticeStatus.ATTEMPTED, null);
        try {
            sender.send(notice, runFolder);
        } catch (NoticeDeliveryException e) {
            return failed(domain, e.getMessage());
        }
        ledger.notice(domain, NoticeStatus.SENT, null);
        log.info("{}: {} notice ({}) sent to {}", domain, kind.templateName(), notice.language(), notice.recipient());
        return null;
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
