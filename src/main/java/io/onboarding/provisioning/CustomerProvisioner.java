package io.onboarding.provisioning;

import io.onboarding.google.Customer;
import io.onboarding.google.DirectoryClient;
import io.onboarding.google.GoogleApiException;
import io.onboarding.google.PostalAddress;
import io.onboarding.google.ResellerClient;
import io.onboarding.google.User;
import io.onboarding.ledger.Outcome;
import io.onboarding.ledger.RowResult;
import io.onboarding.validation.CustomerType;
import io.onboarding.validation.ValidatedCustomer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Onboards one validated customer in Google's order: order the customer, set its language before any
 * user exists, then (domain customers) create the first admin and make it super admin. Thread-safe.
 */
@Component
public class CustomerProvisioner {

    private static final Logger log = LoggerFactory.getLogger(CustomerProvisioner.class);

    private final ResellerClient reseller;
    private final DirectoryClient directory;
    private final TemporaryPasswordGenerator passwords;

    CustomerProvisioner(ResellerClient reseller, DirectoryClient directory, TemporaryPasswordGenerator passwords) {
        this.reseller = reseller;
        this.directory = directory;
        this.passwords = passwords;
    }

    public RowResult provision(ValidatedCustomer row) {
        Progress progress = new Progress(row);
        try {
            Customer created;
            try {
                created = reseller.insertCustomer(order(row), row.customerAuthToken());
            } catch (GoogleApiException e) {
                if (e.isConflict()) {
                    return progress.result(Outcome.CONFLICT_EXISTS, e.reason(), "Google already has a customer "
                            + "with the domain " + row.customerDomain() + ". To move it to you, ask the customer "
                            + "for a transfer token (Admin console > Account > Account settings > Transfer token) "
                            + "and re-submit the row with it in customerAuthToken.");
                }
                throw e;
            }
            progress.customerId = created.customerId();
            progress.done("customer ordered (" + created.customerId() + ")");
            if (row.customerType() == CustomerType.TEAM) {
                progress.adminEmail = row.adminEmail();
            }
            log.info("line {}: ordered customer {} as {}", row.line(), row.customerDomain(), created.customerId());

            if (row.language() != null) {
                directory.setCustomerLanguage(created.customerId(), row.language());
                progress.done("language set to " + row.language());
            }
            if (row.customerType() == CustomerType.DOMAIN) {
                String password = row.adminPassword() != null ? row.adminPassword() : passwords.generate();
                directory.insertUser(User.newAdmin(row.adminEmail(), row.adminGivenName(), row.adminFamilyName(),
                        password));
                progress.adminEmail = row.adminEmail();
                progress.done("admin " + row.adminEmail() + " created");
                directory.makeSuperAdmin(row.adminEmail());
                progress.done("admin made super admin");
            }
            return progress.result(Outcome.ONBOARDED, null, null);
        } catch (GoogleApiException e) {
            log.warn("line {}: {} for {}", row.line(), e.getMessage(), row.customerDomain());
            return progress.failed(e);
        }
    }

    private static Customer order(ValidatedCustomer row) {
        PostalAddress address = new PostalAddress(PostalAddress.KIND, row.contactName(), row.organizationName(),
                row.addressLine1(), row.addressLine2(), row.addressLine3(), row.locality(), row.region(),
                row.postalCode(), row.countryCode());
        Customer.PrimaryAdmin primaryAdmin = row.customerType() == CustomerType.TEAM
                ? new Customer.PrimaryAdmin(row.primaryAdminEmail()) : null;
        return new Customer(Customer.KIND, null, row.customerDomain(), row.customerType().apiValue(),
                row.alternateEmail(), row.phoneNumber(), address, primaryAdmin, null, null);
    }

    /** Which steps of one row are done, so that a failure says what is left. */
    private static final class Progress {

        private final ValidatedCustomer row;
        private final List<String> done = new ArrayList<>();
        private String customerId;
        private String adminEmail;

        Progress(ValidatedCustomer row) {
            this.row = row;
        }

        void done(String step) {
            done.add(step);
        }

        RowResult failed(GoogleApiException e) {
            String status = e.status() == 0 ? "no answer" : "HTTP " + e.status();
            String message = e.call() + " failed (" + status + ", " + e.reason() + "): " + e.googleMessage()
                    + (done.isEmpty() ? ". Nothing was done for this customer." : ". Already done: "
                            + String.join(", ", done) + ".");
            return result(Outcome.FAILED, e.reason(), message);
        }

        RowResult result(Outcome outcome, String reason, String message) {
            return new RowResult(row.line(), row.customerDomain(), row.externalId(), outcome, customerId,
                    adminEmail, reason, message, null, null);
        }
    }
}
