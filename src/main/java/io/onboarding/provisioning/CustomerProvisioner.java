package io.onboarding.provisioning;

import static io.onboarding.csv.CustomerColumn.ADMIN_FAMILY_NAME;
import static io.onboarding.csv.CustomerColumn.ADMIN_GIVEN_NAME;
import static io.onboarding.csv.CustomerColumn.ADMIN_PASSWORD;
import static io.onboarding.csv.CustomerColumn.ALTERNATE_EMAIL;
import static io.onboarding.csv.CustomerColumn.CONTACT_NAME;
import static io.onboarding.csv.CustomerColumn.CUSTOMER_AUTH_TOKEN;
import static io.onboarding.csv.CustomerColumn.EXTERNAL_ID;
import static io.onboarding.csv.CustomerColumn.LANGUAGE;
import static io.onboarding.csv.CustomerColumn.ORGANIZATION_NAME;
import static io.onboarding.csv.CustomerColumn.PRIMARY_ADMIN_EMAIL;

import io.micrometer.core.instrument.MeterRegistry;
import io.onboarding.google.DirectoryClient;
import io.onboarding.google.GoogleApiException;
import io.onboarding.google.ResellerClient;
import io.onboarding.google.NewUser;
import io.onboarding.ledger.LedgerEntry;
import io.onboarding.ledger.NoticeAddress;
import io.onboarding.ledger.Outcome;
import io.onboarding.ledger.ProvisioningLedger;
import io.onboarding.ledger.ProvisioningRun;
import io.onboarding.ledger.RowResult;
import io.onboarding.validation.CustomerType;
import io.onboarding.validation.ValidatedCustomer;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Onboards one validated customer exactly once, in Google's order: order the customer, set its language
 * before any user exists, then (domain customers) create the first admin and make it super admin. Each
 * confirmed step goes into the {@link ProvisioningLedger} at once, so a row picked up again — after a
 * crash, or in a later file — resumes at its first unfinished step. Thread-safe.
 */
@Component
public class CustomerProvisioner {

    private static final Logger log = LoggerFactory.getLogger(CustomerProvisioner.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ResellerClient reseller;
    private final DirectoryClient directory;
    private final TemporaryPasswordGenerator passwords;
    private final ProvisioningLedger ledger;
    private final RetryProperties retryProperties;
    private final Sleeper sleeper;
    private final MeterRegistry meters;

    CustomerProvisioner(ResellerClient reseller, DirectoryClient directory, TemporaryPasswordGenerator passwords,
            ProvisioningLedger ledger, RetryProperties retryProperties, Sleeper sleeper, MeterRegistry meters) {
        this.meters = meters;
        this.reseller = reseller;
        this.directory = directory;
        this.passwords = passwords;
        this.ledger = ledger;
        this.retryProperties = retryProperties;
        this.sleeper = sleeper;
    }

    /**
     * @param run the run this row belongs to, holding the claim on its domain: a customer it finished earlier
     *     is reported as its own
     * @return the row's outcome, with the admin's password when this call set it, for the hand-over
     */
    public Provisioned provisionCustomer(ValidatedCustomer row, ProvisioningRun run) {
        TransientRetry retry = new TransientRetry(retryProperties, sleeper, meters);
        Provisioned provisioned = provision(row, run, retry);
        return new Provisioned(provisioned.result().withRetries(retry.retries()), provisioned.adminPassword());
    }

    private Provisioned provision(ValidatedCustomer row, ProvisioningRun run, TransientRetry retry) {
        String domain = row.customerDomain();
        Optional<LedgerEntry> known = ledger.find(domain);
        if (known.isPresent() && known.get().completed()) {
            return noPassword(finishedEarlier(row, known.get(), run.id()));
        }
        ProvisioningReport report = new ProvisioningReport(row);
        try {
            LedgerEntry entry = known.orElse(null);
            if (entry == null || !entry.ordered()) {
                CustomerOrders.Result order = new CustomerOrders(reseller, retry).order(row);
                if (order.ownedElsewhere()) {
                    return noPassword(report.result(Outcome.TRANSFER_REQUIRED, "ownedElsewhere", transferMessage(row)));
                }
                ledger.customerOrdered(domain, order.customerId(), row.customerType().apiValue(), order.transferred());
                log.info("line {}: {} customer {} as {}", row.line(), order.transferred() ? "transferred" : "ordered",
                        domain, order.customerId());
                entry = ledger.find(domain).orElseThrow();
            } else if (!row.customerType().apiValue().equals(entry.customerType())) {
                return noPassword(report.result(Outcome.PARTIAL, "customerTypeChanged", "customerType: " + domain
                        + " was ordered as a " + entry.customerType() + " customer (" + entry.customerId() + "); "
                        + "Google does not let the type change. Re-submit the row as " + entry.customerType() + "."));
            }
            report.ordered(entry.customerId());
            if (entry.transferred()) {
                // A transferred customer keeps its own admins and language: there is nothing more to create.
                ledger.completed(domain, run, noticeAddress(row));
                return noPassword(report.result(Outcome.TRANSFERRED, null, null));
            }
            // The language only reaches users created after it is set: once the admin exists, it is left alone.
            if (row.value(LANGUAGE) != null && !row.value(LANGUAGE).equals(entry.language()) && !entry.adminCreated()) {
                String customerId = entry.customerId();
                retry.run(() -> directory.setCustomerLanguage(customerId, row.value(LANGUAGE)));
                ledger.languageSet(domain, row.value(LANGUAGE));
                report.languageSet(row.value(LANGUAGE));
            } else {
                report.languageSet(entry.language());
            }
            String password = null;
            if (row.customerType() == CustomerType.DOMAIN) {
                String admin = entry.adminCreated() ? entry.adminEmail() : row.adminEmail();
                if (!entry.adminCreated()) {
                    AdminCreation creation = createAdmin(row, entry, retry);
                    if (creation == AdminCreation.SOMEBODY_ELSES) {
                        return noPassword(report.result(Outcome.ADMIN_EXISTS, "duplicate",
                                report.adminExistsMessage()));
                    }
                    password = creation.password;
                }
                report.adminCreated(admin);
                if (!entry.adminPromoted()) {
                    // Recorded by completed() below: a crash in between only repeats makeAdmin, which is idempotent.
                    retry.run(() -> directory.makeSuperAdmin(admin));
                }
                report.adminPromoted();
            }
            ledger.completed(domain, run, noticeAddress(row));
            return new Provisioned(report.result(Outcome.ONBOARDED, null, null), password);
        } catch (GoogleApiException e) {
            log.warn("line {}: {} for {}", row.line(), e.getMessage(), domain);
            return noPassword(report.failed(e));
        }
    }

    private static Provisioned noPassword(RowResult result) {
        return new Provisioned(result, null);
    }

    /** Domain customers hear at their alternate address; team customers at their admin's, which Google verifies. */
    private static NoticeAddress noticeAddress(ValidatedCustomer row) {
        String recipient = row.customerType() == CustomerType.TEAM || row.value(ALTERNATE_EMAIL) == null
                ? row.value(PRIMARY_ADMIN_EMAIL) : row.value(ALTERNATE_EMAIL);
        return new NoticeAddress(recipient, row.value(LANGUAGE), row.value(CONTACT_NAME),
                row.value(ORGANIZATION_NAME));
    }

    private static String transferMessage(ValidatedCustomer row) {
        String ask = "Ask the customer for a transfer token (their Admin console > Account settings > Transfer "
                + "token; valid 30 days) and re-submit the row with it in customerAuthToken.";
        return row.value(CUSTOMER_AUTH_TOKEN) == null
                ? "Google already has a customer with the domain " + row.customerDomain() + ", managed by Google "
                        + "directly or by another reseller. " + ask
                : "Google did not move " + row.customerDomain() + " to you with the transfer token given (expired, "
                        + "or made for another reseller?). " + ask;
    }

    /**
     * users.insert for the first admin. A 409 is our own user only when we may have created it — a
     * users.insert for this address was sent before (by a run that died, or a try of this one that got no
     * clear answer) — and Google shows the user in our customer.
     *
     * @return whether the admin is ours now, and with which password if this call set it
     */
    private AdminCreation createAdmin(ValidatedCustomer row, LedgerEntry entry, TransientRetry retry) {
        boolean attemptedBefore = row.adminEmail().equals(entry.adminAttemptedEmail());
        ledger.adminAttempted(row.customerDomain(), row.adminEmail());
        String password = row.value(ADMIN_PASSWORD) != null ? row.value(ADMIN_PASSWORD) : passwords.generate();
        try {
            retry.call(() -> directory.insertUser(NewUser.admin(row.adminEmail(), row.value(ADMIN_GIVEN_NAME),
                    row.value(ADMIN_FAMILY_NAME), password)));
        } catch (GoogleApiException e) {
            if (!e.isConflict()) {
                throw e;
            }
            if (!(attemptedBefore || e.afterAmbiguous())
                    || !inOurCustomer(row.adminEmail(), entry.customerId(), retry)) {
                return AdminCreation.SOMEBODY_ELSES;
            }
            log.info("line {}: {} already exists after an earlier attempt: it is ours", row.line(), row.adminEmail());
            ledger.adminCreated(row.customerDomain(), row.adminEmail());
            // Every try of this call sent the same password; a run before this one may have sent another,
            // and then which one Google kept is unknown: the hand-over sets a new one.
            return attemptedBefore ? AdminCreation.OURS_PASSWORD_UNKNOWN : AdminCreation.created(password);
        }
        ledger.adminCreated(row.customerDomain(), row.adminEmail());
        return AdminCreation.created(password);
    }

    /** How users.insert of the first admin ended; the password lives in memory only. */
    private static final class AdminCreation {
        static final AdminCreation SOMEBODY_ELSES = new AdminCreation(null);
        static final AdminCreation OURS_PASSWORD_UNKNOWN = new AdminCreation(null);

        final String password;

        private AdminCreation(String password) {
            this.password = password;
        }

        static AdminCreation created(String password) {
            return new AdminCreation(password);
        }
    }

    private boolean inOurCustomer(String email, String customerId, TransientRetry retry) {
        try {
            return customerId.equals(retry.call(() -> directory.getUser(email)).customerId());
        } catch (GoogleApiException e) {
            if (e.isNotFound()) {
                return false;
            }
            throw e;
        }
    }

    private static RowResult finishedEarlier(ValidatedCustomer row, LedgerEntry entry, Long runId) {
        Outcome outcome = entry.completedByRun().equals(runId)
                ? (entry.transferred() ? Outcome.TRANSFERRED : Outcome.ONBOARDED)
                : Outcome.ALREADY_ONBOARDED;
        String message = outcome == Outcome.ALREADY_ONBOARDED ? "Onboarded earlier, by run " + entry.completedByRun()
                + " on " + WHEN.format(entry.completedAt()) + "; nothing was sent to Google again." : null;
        String admin = row.customerType() == CustomerType.TEAM ? row.value(PRIMARY_ADMIN_EMAIL) : entry.adminEmail();
        return new RowResult(row.line(), row.customerDomain(), row.value(EXTERNAL_ID), outcome, entry.customerId(),
                admin, null, message, null, null);
    }
}
