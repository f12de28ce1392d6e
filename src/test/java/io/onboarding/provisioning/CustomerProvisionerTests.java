package io.onboarding.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.onboarding.google.Customer;
import io.onboarding.google.DirectoryClient;
import io.onboarding.google.GoogleApiException;
import io.onboarding.google.ResellerClient;
import io.onboarding.google.User;
import io.onboarding.ledger.Outcome;
import io.onboarding.ledger.RowResult;
import io.onboarding.validation.CustomerType;
import io.onboarding.validation.ValidatedCustomer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The onboarding sequence for one customer, against recording fakes of the two APIs. */
class CustomerProvisionerTests {

    private final List<String> calls = new ArrayList<>();
    private final FakeGoogle google = new FakeGoogle();
    private final CustomerProvisioner provisioner = new CustomerProvisioner(google, google,
            new TemporaryPasswordGenerator());

    @Test
    void domainCustomerWithLanguage() {
        RowResult result = provisioner.provision(domain("de", null));

        assertThat(calls).containsExactly("customers.insert acme.de", "customers.patch C1 de",
                "users.insert admin@acme.de", "users.makeAdmin admin@acme.de");
        assertThat(result.outcome()).isEqualTo(Outcome.ONBOARDED);
        assertThat(result.customerId()).isEqualTo("C1");
        assertThat(result.adminEmail()).isEqualTo("admin@acme.de");
        assertThat(result.errorMessage()).isNull();
    }

    @Test
    void teamCustomerGetsNoUserCalls() {
        RowResult result = provisioner.provision(team(null));

        assertThat(calls).containsExactly("customers.insert team.fr");
        assertThat(result.outcome()).isEqualTo(Outcome.ONBOARDED);
        assertThat(result.adminEmail()).isEqualTo("owner@example.fr");
    }

    @Test
    void suppliedPasswordIsSentAndAGeneratedOneOtherwise() {
        provisioner.provision(domain(null, "Given-Passw0rd"));
        provisioner.provision(domain(null, null));

        assertThat(google.passwords.get(0)).isEqualTo("Given-Passw0rd");
        assertThat(google.passwords.get(1)).hasSize(TemporaryPasswordGenerator.LENGTH).isNotEqualTo("Given-Passw0rd");
    }

    @Test
    void a409OnInsertIsAConflictWithAnActionableMessage() {
        google.failOn = "customers.insert";
        google.failure = new GoogleApiException("customers.insert", 409, "duplicate", "exists", null);

        RowResult result = provisioner.provision(domain("de", null));

        assertThat(calls).containsExactly("customers.insert acme.de");
        assertThat(result.outcome()).isEqualTo(Outcome.CONFLICT_EXISTS);
        assertThat(result.customerId()).isNull();
        assertThat(result.adminEmail()).isNull();
        assertThat(result.errorMessage()).contains("transfer token", "customerAuthToken");
    }

    @Test
    void aFailureMidWaySaysWhichStepFailedAndWhatWasDone() {
        google.failOn = "users.insert";
        google.failure = new GoogleApiException("users.insert", 400, "invalid", "Invalid Given/Family Name", null);

        RowResult result = provisioner.provision(domain("de", null));

        assertThat(calls).containsExactly("customers.insert acme.de", "customers.patch C1 de",
                "users.insert admin@acme.de");
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.customerId()).isEqualTo("C1");
        assertThat(result.adminEmail()).isNull();
        assertThat(result.errorReason()).isEqualTo("invalid");
        assertThat(result.errorMessage()).isEqualTo("users.insert failed (HTTP 400, invalid): Invalid Given/Family "
                + "Name. Already done: customer ordered (C1), language set to de.");
    }

    @Test
    void aFailureOfTheFirstCallSaysNothingWasDone() {
        google.failOn = "customers.insert";
        google.failure = new GoogleApiException("customers.insert", 0, "networkError", "connection refused", null);

        RowResult result = provisioner.provision(domain(null, null));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.errorMessage()).isEqualTo("customers.insert failed (no answer, networkError): connection "
                + "refused. Nothing was done for this customer.");
    }

    private static ValidatedCustomer domain(String language, String password) {
        return new ValidatedCustomer(2, "acme.de", CustomerType.DOMAIN, "Acme GmbH", "Anna Acme", "Weg 1", null, null,
                "Berlin", null, "10115", "DE", null, "anna@example.com", null, language, "Anna", "Acme", "admin",
                password, null, "X-1");
    }

    private static ValidatedCustomer team(String language) {
        return new ValidatedCustomer(3, "team.fr", CustomerType.TEAM, "Team", "Luc", null, null, null, null, null,
                "31000", "FR", null, null, "owner@example.fr", language, null, null, "admin", null, null, null);
    }

    /** Both APIs, recording each call; fails the named call once when told to. */
    private final class FakeGoogle implements ResellerClient, DirectoryClient {

        final List<String> passwords = new ArrayList<>();
        String failOn;
        GoogleApiException failure;
        private int ids;

        @Override
        public Customer insertCustomer(Customer customer, String customerAuthToken) {
            record("customers.insert", customer.customerDomain());
            return new Customer(Customer.KIND, "C" + ++ids, customer.customerDomain(), customer.customerType(),
                    customer.alternateEmail(), null, customer.postalAddress(), customer.primaryAdmin(), null, false);
        }

        @Override
        public Customer getCustomer(String customerIdOrDomain) {
            throw new UnsupportedOperationException("not part of the sequence yet");
        }

        @Override
        public void setCustomerLanguage(String customerKey, String language) {
            record("customers.patch", customerKey + " " + language);
        }

        @Override
        public User insertUser(User user) {
            record("users.insert", user.primaryEmail());
            passwords.add(user.password());
            return user;
        }

        @Override
        public void makeSuperAdmin(String userKey) {
            record("users.makeAdmin", userKey);
        }

        private void record(String call, String detail) {
            calls.add(call + " " + detail);
            if (call.equals(failOn)) {
                throw failure;
            }
        }
    }
}
