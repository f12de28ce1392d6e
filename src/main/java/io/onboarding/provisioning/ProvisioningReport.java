package io.onboarding.provisioning;

import static io.onboarding.csv.CustomerColumn.EXTERNAL_ID;
import static io.onboarding.csv.CustomerColumn.LANGUAGE;
import static io.onboarding.csv.CustomerColumn.PRIMARY_ADMIN_EMAIL;

import io.onboarding.google.GoogleApiException;
import io.onboarding.ledger.Outcome;
import io.onboarding.ledger.RowResult;
import io.onboarding.validation.CustomerType;
import io.onboarding.validation.ValidatedCustomer;
import java.util.ArrayList;
import java.util.List;

/** The steps of one row done so far, and the result to report, saying what is done and what remains. */
final class ProvisioningReport {

    private final ValidatedCustomer row;
    private final List<String> done = new ArrayList<>();
    private String customerId;
    private String adminEmail;

    ProvisioningReport(ValidatedCustomer row) {
        this.row = row;
    }

    void ordered(String customerId) {
        this.customerId = customerId;
        done.add("customer ordered (" + customerId + ")");
        if (row.customerType() == CustomerType.TEAM) {
            adminEmail = row.value(PRIMARY_ADMIN_EMAIL);
        }
    }

    void languageSet(String language) {
        if (language != null) {
            done.add("language set to " + language);
        }
    }

    void adminCreated(String email) {
        adminEmail = email;
        done.add("admin " + email + " created");
    }

    void adminPromoted() {
        done.add("admin made super admin");
    }

    String adminExistsMessage() {
        return "The customer was ordered (" + customerId + "), but " + row.adminEmail() + " already exists as another "
                + "Google account. Choose another adminUsername and re-submit the row: it continues from creating "
                + "the admin.";
    }

    /** FAILED when nothing was done, else PARTIAL, naming the call that failed and what remains. */
    RowResult failed(GoogleApiException e) {
        String status = e.status() == 0 ? "no answer" : "HTTP " + e.status();
        String tries = e.attempts() > 1 ? " after " + e.attempts() + " tries" : "";
        String failure = e.call() + " failed (" + status + tries + ", " + e.reason() + "): " + e.googleMessage() + ".";
        if (done.isEmpty()) {
            boolean maybeOrdered = e.call().equals("customers.get");
            return result(Outcome.FAILED, e.reason(), failure + (maybeOrdered
                    ? " The order may have reached Google: re-submit the row and it is checked with Google before "
                            + "anything is sent again."
                    : " Nothing was done for this customer."));
        }
        return result(Outcome.PARTIAL, e.reason(), failure + " Done: " + String.join(", ", done) + ". Remaining: "
                + String.join(", ", remaining()) + ". Re-submit the row (fixed if needed): it continues from there.");
    }

    RowResult result(Outcome outcome, String reason, String message) {
        return new RowResult(row.line(), row.customerDomain(), row.value(EXTERNAL_ID), outcome, customerId, adminEmail,
                reason, message, null, null);
    }

    private List<String> remaining() {
        List<String> remaining = new ArrayList<>();
        boolean languageDone = row.value(LANGUAGE) == null
                || done.stream().anyMatch(step -> step.startsWith("language"));
        if (!languageDone) {
            remaining.add("set language " + row.value(LANGUAGE));
        }
        if (row.customerType() == CustomerType.DOMAIN) {
            if (adminEmail == null) {
                remaining.add("create admin " + row.adminEmail());
            }
            if (done.stream().noneMatch(step -> step.startsWith("admin made"))) {
                remaining.add("make it super admin");
            }
        }
        return remaining;
    }
}
