package io.onboarding.provisioning;

import static io.onboarding.csv.CustomerColumn.ADDRESS_LINE1;
import static io.onboarding.csv.CustomerColumn.ADMIN_FAMILY_NAME;
import static io.onboarding.csv.CustomerColumn.ADMIN_GIVEN_NAME;
import static io.onboarding.csv.CustomerColumn.ADMIN_PASSWORD;
import static io.onboarding.csv.CustomerColumn.ADMIN_USERNAME;
import static io.onboarding.csv.CustomerColumn.ALTERNATE_EMAIL;
import static io.onboarding.csv.CustomerColumn.CONTACT_NAME;
import static io.onboarding.csv.CustomerColumn.COUNTRY_CODE;
import static io.onboarding.csv.CustomerColumn.CUSTOMER_AUTH_TOKEN;
import static io.onboarding.csv.CustomerColumn.CUSTOMER_DOMAIN;
import static io.onboarding.csv.CustomerColumn.EXTERNAL_ID;
import static io.onboarding.csv.CustomerColumn.LANGUAGE;
import static io.onboarding.csv.CustomerColumn.LOCALITY;
import static io.onboarding.csv.CustomerColumn.ORGANIZATION_NAME;
import static io.onboarding.csv.CustomerColumn.POSTAL_CODE;
import static io.onboarding.csv.CustomerColumn.PRIMARY_ADMIN_EMAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onboarding.csv.CustomerColumn;
import io.onboarding.google.GoogleAuthException;
import io.onboarding.google.PostalAddress;
import io.onboarding.google.ResellerClient;
import io.onboarding.ledger.LedgerEntry;
import io.onboarding.ledger.Outcome;
import io.onboarding.ledger.ProvisioningLedger;
import io.onboarding.ledger.ProvisioningRun;
import io.onboarding.ledger.RowResult;
import io.onboarding.validation.CustomerType;
import io.onboarding.validation.ValidatedCustomer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import tools.jackson.databind.json.JsonMapper;

/** The exactly-once onboarding sequence, against a stateful fake of the APIs and a real ledger in H2. */
class CustomerProvisionerTests {

    private static final long RUN_ID = 7;
    private static final ProvisioningRun RUN = run(RUN_ID);

    private final EmbeddedDatabase database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
            .generateUniqueName(true).addScript("db/migration/h2/V2__onboarding_tables.sql").build();
    private final ProvisioningLedger ledger = ledger(database);
    private final FakeGoogle google = new FakeGoogle();
    private final List<Duration> waits = new ArrayList<>();
    private final CustomerProvisioner provisioner = new CustomerProvisioner(google, google,
            new TemporaryPasswordGenerator(), ledger, new RetryProperties(5, Duration.ofSeconds(1),
                    Duration.ofSeconds(16)), waits::add, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

    private static ProvisioningRun run(long id) {
        return ProvisioningRun.of(id, java.nio.file.Path.of("reports", "run" + id));
    }

    @AfterEach
    void shutDown() {
        database.shutdown();
    }

    @Nested
    class TheSequence {

        @Test
        void domainCustomerWithLanguage() {
            RowResult result = provisioner.provisionCustomer(domain("acme.de", "de"), RUN).result();

            assertThat(google.calls).containsExactly("customers.insert acme.de", "customers.patch C1 de",
                    "users.insert admin@acme.de", "users.makeAdmin admin@acme.de");
            assertThat(result.outcome()).isEqualTo(Outcome.ONBOARDED);
            assertThat(result.customerId()).isEqualTo("C1");
            assertThat(result.adminEmail()).isEqualTo("admin@acme.de");
            assertThat(ledger.find("acme.de").orElseThrow().completedByRun()).isEqualTo(RUN_ID);
        }

        @Test
        void everyAddressColumnReachesGooglesPostalAddressUnderItsOwnName() {
            // given a value of its own in every column the enum marks as part of the address
            Map<CustomerColumn, String> values = new EnumMap<>(domain("address.de", null).values());
            Arrays.stream(CustomerColumn.values()).filter(CustomerColumn::inAddress)
                    .forEach(column -> values.put(column, "value of " + column.header()));

            // when
            provisioner.provisionCustomer(new ValidatedCustomer(2, CustomerType.DOMAIN, values), RUN);

            // then Google's postalAddress holds exactly those, each under the column's name, and its kind
            Map<String, Object> expected = new HashMap<>();
            expected.put("kind", PostalAddress.KIND);
            Arrays.stream(CustomerColumn.values()).filter(CustomerColumn::inAddress)
                    .forEach(column -> expected.put(column.header(), "value of " + column.header()));
            assertThat(JsonMapper.shared().convertValue(google.orders.get(0).postalAddress(), Map.class))
                    .isEqualTo(expected);
        }

        @Test
        void teamCustomerGetsNoUserCalls() {
            RowResult result = provisioner.provisionCustomer(team("team.fr"), RUN).result();

            assertThat(google.calls).containsExactly("customers.insert team.fr");
            assertThat(result.outcome()).isEqualTo(Outcome.ONBOARDED);
            assertThat(result.adminEmail()).isEqualTo("owner@example.fr");
        }

        @Test
        void aSuppliedPasswordIsSentAndAGeneratedOneOtherwise() {
            Provisioned given = provisioner.provisionCustomer(withPassword(domain("given.de", null), "Given-Passw0rd"),
                    RUN);
            Provisioned generated = provisioner.provisionCustomer(domain("generated.de", null), RUN);

            assertThat(google.passwords.get("admin@given.de")).isEqualTo("Given-Passw0rd");
            assertThat(google.passwords.get("admin@generated.de")).hasSize(TemporaryPasswordGenerator.LENGTH);
            // handed back for the notice: the password Google got, not another
            assertThat(given.adminPassword()).isEqualTo("Given-Passw0rd");
            assertThat(generated.adminPassword()).isEqualTo(google.passwords.get("admin@generated.de"));
        }

        @Test
        void aTransferTokenMovesTheCustomerAndCreatesNothing() {
            google.foreignDomains.add("moving.de");

            RowResult result = provisioner.provisionCustomer(withToken(domain("moving.de", "de"), "a1b2c3"), RUN)
                    .result();

            assertThat(google.calls).containsExactly("customers.get moving.de", "customers.insert moving.de");
            assertThat(result.outcome()).isEqualTo(Outcome.TRANSFERRED);
            assertThat(ledger.find("moving.de").orElseThrow().transferred()).isTrue();
        }

        @Test
        void aTokenForADomainNobodyHasIsAnOrdinaryOrderWithItsAdmin() {
            RowResult result = provisioner.provisionCustomer(withToken(domain("fresh.de", "de"), "a1b2c3"), RUN)
                    .result();

            assertThat(result.outcome()).isEqualTo(Outcome.ONBOARDED);
            assertThat(google.superAdmins).containsExactly("admin@fresh.de");
            assertThat(ledger.find("fresh.de").orElseThrow().transferred()).isFalse();
        }

        @Test
        void aCustomerOrderedAsDomainCannotComeBackAsTeam() {
            google.fail("users.insert", 400, "invalid", false);
            provisioner.provisionCustomer(domain("typed.de", null), RUN).result();
            google.calls.clear();

            RowResult result = provisioner.provisionCustomer(team("typed.de"), run(RUN_ID + 1)).result();

            assertThat(google.calls).isEmpty();
            assertThat(result.outcome()).isEqualTo(Outcome.PARTIAL);
            assertThat(result.errorMessage()).startsWith("customerType: typed.de was ordered as a domain customer (C1)");
        }
    }

    @Nested
    class ConflictsAndAmbiguousOrders {

        @Test
        void a409ForSomebodyElsesCustomerNeedsATransfer() {
            google.foreignDomains.add("taken.de");

            RowResult result = provisioner.provisionCustomer(domain("taken.de", "de"), RUN).result();

            assertThat(google.calls).containsExactly("customers.insert taken.de", "customers.get taken.de");
            assertThat(result.outcome()).isEqualTo(Outcome.TRANSFER_REQUIRED);
            assertThat(result.errorMessage()).contains("transfer token", "customerAuthToken");
            assertThat(ledger.find("taken.de")).isEmpty();
        }

        @Test
        void a409ForOurOwnCustomerContinuesWithItsId() {
            google.ownCustomers.put("ours.de", "C42");

            RowResult result = provisioner.provisionCustomer(domain("ours.de", "de"), RUN).result();

            assertThat(google.calls).containsExactly("customers.insert ours.de", "customers.get ours.de",
                    "customers.patch C42 de", "users.insert admin@ours.de", "users.makeAdmin admin@ours.de");
            assertThat(result.outcome()).isEqualTo(Outcome.ONBOARDED);
            assertThat(result.customerId()).isEqualTo("C42");
        }

        @Test
        void a409ForADomainGoogleThenDoesNotKnowIsOrderedAgain() {
            google.fail("customers.insert", 409, "duplicate", false);

            RowResult result = provisioner.provisionCustomer(domain("vanished.de", null), RUN).result();

            assertThat(google.calls).startsWith("customers.insert vanished.de", "customers.get vanished.de",
                    "customers.insert vanished.de");
            assertThat(google.appliedCount("customers.insert")).isEqualTo(1);
            assertThat(result.outcome()).isEqualTo(Outcome.ONBOARDED);
        }

        @Test
        void anOrderAppliedButAnswered503IsFoundAndNotSentAgain() {
            google.fail("customers.insert", 503, "backendError", true);

            RowResult result = provisioner.provisionCustomer(domain("applied.de", null), RUN).result();

            assertThat(google.appliedCount("customers.insert")).isEqualTo(1);
            assertThat(google.calls).startsWith("customers.insert applied.de", "customers.get applied.de");
            assertThat(result.outcome()).isEqualTo(Outcome.ONBOARDED);
        }

        @Test
        void anOrderThatGotNoAnswerAndWasNotAppliedIsSentAgain() {
            google.fail("customers.insert", 0, "networkError", false);

            RowResult result = provisioner.provisionCustomer(domain("lost.de", null), RUN).result();

            assertThat(google.calls).startsWith("customers.insert lost.de", "customers.get lost.de",
                    "customers.insert lost.de");
            assertThat(google.appliedCount("customers.insert")).isEqualTo(1);
            assertThat(result.outcome()).isEqualTo(Outcome.ONBOARDED);
        }

        @Test
        void everyOrderSentAgainIsCountedAsARetry() {
            // given three orders lost on the way, none applied
            for (int i = 0; i < 2; i++) {
                google.fail("customers.insert", 0, "networkError", false);
            }

            RowResult result = provisioner.provisionCustomer(domain("resent.de", null), RUN).result();

            assertThat(google.calls.stream().filter(call -> call.equals("customers.insert resent.de")))
                    .hasSize(3);
            assertThat(result.outcome()).isEqualTo(Outcome.ONBOARDED);
            assertThat(result.retries()).isEqualTo(2);
        }

        @Test
        void aTransferThatGot503AndWasNotAppliedIsSentAgainWithItsToken() {
            // given a domain of another reseller and a transfer whose first try Google never applied
            google.foreignDomains.add("moving503.de");
            google.fail("customers.insert", 503, "backendError", false);

            RowResult result = provisioner.provisionCustomer(withToken(domain("moving503.de", "de"), "a1b2c3"), RUN)
                    .result();

            // then the still-foreign answer means "not applied yet", not "the token was refused"
            assertThat(google.calls).containsExactly("customers.get moving503.de", "customers.insert moving503.de",
                    "customers.get moving503.de", "customers.insert moving503.de");
            assertThat(result.outcome()).isEqualTo(Outcome.TRANSFERRED);
            assertThat(result.retries()).isEqualTo(1);
            assertThat(ledger.find("moving503.de").orElseThrow().transferred()).isTrue();
        }

        @Test
        void aTransferThatKeepsFailingEndsWithGooglesErrorNotWithTheToken() {
            google.foreignDomains.add("down.de");
            for (int i = 0; i < 5; i++) {
                google.fail("customers.insert", 503, "backendError", false);
            }

            RowResult result = provisioner.provisionCustomer(withToken(domain("down.de", null), "a1b2c3"), RUN)
                    .result();

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.errorMessage()).startsWith("customers.insert failed (HTTP 503")
                    .doesNotContain("transfer token");
            assertThat(google.calls).filteredOn("customers.insert down.de"::equals).as("the retry budget").hasSize(5);
            assertThat(result.retries()).isEqualTo(4);
        }

        @Test
        void aTransferAnswered409ByAStillForeignDomainBlamesTheToken() {
            // given a token Google does not accept for this domain: it answers 409 and keeps the owner
            google.foreignDomains.add("refused.de");
            google.fail("customers.insert", 409, "duplicate", false);

            RowResult result = provisioner.provisionCustomer(withToken(domain("refused.de", null), "a1b2c3"), RUN)
                    .result();

            assertThat(result.outcome()).isEqualTo(Outcome.TRANSFER_REQUIRED);
            assertThat(result.errorMessage()).contains("with the transfer token given");
        }

        @Test
        void a429OnTheOrderIsRetriedAfterAWaitWithoutAsking() {
            google.fail("customers.insert", 429, "rateLimitExceeded", false);

            RowResult result = provisioner.provisionCustomer(domain("busy.de", null), RUN).result();

            assertThat(google.calls).startsWith("customers.insert busy.de", "customers.insert busy.de");
            assertThat(waits).hasSize(1).allSatisfy(wait -> assertThat(wait).isBetween(Duration.ZERO,
                    Duration.ofSeconds(1)));
            assertThat(result.outcome()).isEqualTo(Outcome.ONBOARDED);
        }

        @Test
        void aCustomerThatMayHaveBeenOrderedIsNotCalledNothingDone() {
            google.fail("customers.insert", 503, "backendError", true);
            for (int i = 0; i < 5; i++) {
                google.fail("customers.get", 503, "backendError", false);
            }

            RowResult result = provisioner.provisionCustomer(domain("unsure.de", null), RUN).result();

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.errorMessage()).startsWith("customers.get failed (HTTP 503 after 5 tries, backendError)")
                    .contains("The order may have reached Google");
        }

        @Test
        void refusedCredentialsAreNotARowFailureButStopTheRun() {
            ResellerClient refusing = new FakeGoogle() {
                @Override
                public io.onboarding.google.Customer insertCustomer(io.onboarding.google.NewCustomer customer,
                        String token) {
                    throw new GoogleAuthException("Google refused our credentials");
                }
            };
            CustomerProvisioner provisioner = new CustomerProvisioner(refusing, google, new TemporaryPasswordGenerator(),
                    ledger, new RetryProperties(5, Duration.ofSeconds(1), Duration.ofSeconds(16)), waits::add,
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

            assertThatThrownBy(() -> provisioner.provisionCustomer(domain("auth.de", null), RUN).result())
                    .isInstanceOf(GoogleAuthException.class);
            assertThat(ledger.find("auth.de")).isEmpty();
        }

        @Test
        void aRetryBudgetSpentOn429sFailsTheRowWithTheLastError() {
            for (int i = 0; i < 5; i++) {
                google.fail("customers.insert", 429, "rateLimitExceeded", false);
            }

            RowResult result = provisioner.provisionCustomer(domain("quota.de", null), RUN).result();

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.retries()).isEqualTo(4);
            assertThat(result.errorMessage()).isEqualTo("customers.insert failed (HTTP 429 after 5 tries, "
                    + "rateLimitExceeded): scripted failure. Nothing was done for this customer.");
            assertThat(google.appliedCount("customers.insert")).isZero();
        }

        @Test
        void aPermanentErrorOnTheOrderFailsTheRowWithNothingDone() {
            google.fail("customers.insert", 400, "invalid", false);

            RowResult result = provisioner.provisionCustomer(domain("bad.de", null), RUN).result();

            assertThat(google.calls).containsExactly("customers.insert bad.de");
            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.errorMessage()).isEqualTo("customers.insert failed (HTTP 400, invalid): scripted "
                    + "failure. Nothing was done for this customer.");
        }
    }

    @Nested
    class TheFirstAdmin {

        @Test
        void aUserCreatedButAnswered503IsRecognisedOnTheRetryAndNotCreatedTwice() {
            google.fail("users.insert", 503, "backendError", true);

            RowResult result = provisioner.provisionCustomer(domain("retry.de", null), RUN).result();

            assertThat(google.calls).containsSubsequence("users.insert admin@retry.de", "users.insert admin@retry.de",
                    "users.makeAdmin admin@retry.de");
            assertThat(google.appliedCount("users.insert")).isEqualTo(1);
            assertThat(result.outcome()).isEqualTo(Outcome.ONBOARDED);
        }

        @Test
        void aUserAttemptedByARunThatDiedIsOurs() {
            // given a run that died after sending users.insert: the ledger shows the attempt, Google the user
            google.ownCustomers.put("died.de", "C9");
            google.passwords.put("admin@died.de", "lost-with-the-process");
            google.userCustomers.put("admin@died.de", "C9");
            ledger.customerOrdered("died.de", "C9", "domain", false);
            ledger.adminAttempted("died.de", "admin@died.de");

            Provisioned provisioned = provisioner.provisionCustomer(domain("died.de", null), RUN);

            assertThat(google.calls).containsExactly("users.insert admin@died.de", "users.get admin@died.de",
                    "users.makeAdmin admin@died.de");
            assertThat(provisioned.result().outcome()).isEqualTo(Outcome.ONBOARDED);
            assertThat(provisioned.adminPassword()).as("the dead run's password may be the one Google kept: the "
                    + "hand-over sets a new one").isNull();
        }

        @Test
        void anAddressTakenBySomebodyElseIsAdminExistsAndAnotherNameContinues() {
            google.foreignUser("admin@clash.de");

            RowResult first = provisioner.provisionCustomer(domain("clash.de", null), RUN).result();
            RowResult second = provisioner.provisionCustomer(withUsername(domain("clash.de", null), "it-admin"), run(RUN_ID + 1))
                    .result();

            assertThat(first.outcome()).isEqualTo(Outcome.ADMIN_EXISTS);
            assertThat(first.customerId()).isEqualTo("C1");
            assertThat(first.errorMessage()).contains("admin@clash.de already exists", "adminUsername");
            assertThat(second.outcome()).isEqualTo(Outcome.ONBOARDED);
            assertThat(google.appliedCount("customers.insert")).isEqualTo(1);
            assertThat(google.superAdmins).containsExactly("it-admin@clash.de");
        }

        @Test
        void anAdminExistsRowSeenAgainUnchangedStaysAdminExistsAndPromotesNobody() {
            // a stranger's account at the address; the row is processed again (re-submitted, or a chunk redone)
            google.foreignUser("admin@stranger.de");

            RowResult first = provisioner.provisionCustomer(domain("stranger.de", null), RUN).result();
            RowResult again = provisioner.provisionCustomer(domain("stranger.de", null), RUN).result();

            assertThat(first.outcome()).isEqualTo(Outcome.ADMIN_EXISTS);
            assertThat(again.outcome()).isEqualTo(Outcome.ADMIN_EXISTS);
            assertThat(google.superAdmins).isEmpty();
        }

        @Test
        void a409AfterA429IsNotMistakenForOurOwnUser() {
            google.foreignUser("admin@busy-stranger.de");
            google.fail("users.insert", 429, "rateLimitExceeded", false);

            RowResult result = provisioner.provisionCustomer(domain("busy-stranger.de", null), RUN).result();

            assertThat(result.outcome()).isEqualTo(Outcome.ADMIN_EXISTS);
            assertThat(google.superAdmins).isEmpty();
        }

        @Test
        void onceTheAdminExistsARenamedRowPromotesTheAdminThatWasCreated() {
            for (int i = 0; i < 5; i++) {
                google.fail("users.makeAdmin", 503, "backendError", false);
            }
            RowResult partial = provisioner.provisionCustomer(domain("renamed.de", null), RUN).result();

            RowResult resumed = provisioner.provisionCustomer(withUsername(domain("renamed.de", null), "it"), run(RUN_ID + 1))
                    .result();

            assertThat(partial.outcome()).isEqualTo(Outcome.PARTIAL);
            assertThat(resumed.outcome()).isEqualTo(Outcome.ONBOARDED);
            assertThat(resumed.adminEmail()).isEqualTo("admin@renamed.de");
            assertThat(google.superAdmins).containsExactly("admin@renamed.de");
        }
    }

    @Nested
    class Resuming {

        @Test
        void aPermanentErrorMidWayIsPartialAndResubmittingContinuesFromThere() {
            google.fail("users.insert", 400, "invalid", false);

            RowResult partial = provisioner.provisionCustomer(domain("half.de", "de"), RUN).result();
            google.calls.clear();
            RowResult resumed = provisioner.provisionCustomer(domain("half.de", "de"), run(RUN_ID + 1)).result();

            assertThat(partial.outcome()).isEqualTo(Outcome.PARTIAL);
            assertThat(partial.errorMessage()).isEqualTo("users.insert failed (HTTP 400, invalid): scripted failure. "
                    + "Done: customer ordered (C1), language set to de. Remaining: create admin admin@half.de, make "
                    + "it super admin. Re-submit the row (fixed if needed): it continues from there.");
            assertThat(google.calls).containsExactly("users.insert admin@half.de", "users.makeAdmin admin@half.de");
            assertThat(resumed.outcome()).isEqualTo(Outcome.ONBOARDED);
        }

        @Test
        void aRetryBudgetSpentOnTransientErrorsEndsWithTheLastError() {
            for (int i = 0; i < 5; i++) {
                google.fail("users.makeAdmin", 503, "backendError", false);
            }

            RowResult result = provisioner.provisionCustomer(domain("flaky.de", null), RUN).result();

            assertThat(result.outcome()).isEqualTo(Outcome.PARTIAL);
            assertThat(result.errorMessage()).startsWith("users.makeAdmin failed (HTTP 503 after 5 tries, backendError)")
                    .contains("Remaining: make it super admin.");
            assertThat(waits).hasSize(4);
        }

        @Test
        void aCustomerThisRunFinishedIsReportedAsItsOwnWithoutACall() {
            provisioner.provisionCustomer(domain("done.de", "de"), RUN).result();
            google.calls.clear();

            RowResult again = provisioner.provisionCustomer(domain("done.de", "de"), RUN).result();

            assertThat(google.calls).isEmpty();
            assertThat(again.outcome()).isEqualTo(Outcome.ONBOARDED);
            assertThat(again.customerId()).isEqualTo("C1");
            assertThat(again.adminEmail()).isEqualTo("admin@done.de");
        }

        @Test
        void aCustomerAnotherRunFinishedIsAlreadyOnboardedWithoutACall() {
            provisioner.provisionCustomer(domain("earlier.de", "de"), RUN).result();
            google.calls.clear();

            RowResult later = provisioner.provisionCustomer(domain("earlier.de", "de"), run(RUN_ID + 1)).result();

            assertThat(google.calls).isEmpty();
            assertThat(later.outcome()).isEqualTo(Outcome.ALREADY_ONBOARDED);
            assertThat(later.errorMessage()).startsWith("Onboarded earlier, by run 7 on ");
            LedgerEntry entry = ledger.find("earlier.de").orElseThrow();
            assertThat(entry.completedByRun()).isEqualTo(RUN_ID);
        }
    }

    private static ProvisioningLedger ledger(EmbeddedDatabase database) {
        return new ProvisioningLedger(JdbcClient.create(database), new DataSourceTransactionManager(database),
                Clock.systemUTC());
    }

    private static ValidatedCustomer domain(String domain, String language) {
        Map<CustomerColumn, String> values = new EnumMap<>(CustomerColumn.class);
        values.put(CUSTOMER_DOMAIN, domain);
        values.put(ORGANIZATION_NAME, "Acme GmbH");
        values.put(CONTACT_NAME, "Anna Acme");
        values.put(ADDRESS_LINE1, "Weg 1");
        values.put(LOCALITY, "Berlin");
        values.put(POSTAL_CODE, "10115");
        values.put(COUNTRY_CODE, "DE");
        values.put(ALTERNATE_EMAIL, "anna@example.com");
        values.put(LANGUAGE, language);
        values.put(ADMIN_GIVEN_NAME, "Anna");
        values.put(ADMIN_FAMILY_NAME, "Acme");
        values.put(ADMIN_USERNAME, "admin");
        values.put(EXTERNAL_ID, "X-1");
        return new ValidatedCustomer(2, CustomerType.DOMAIN, values);
    }

    private static ValidatedCustomer team(String domain) {
        Map<CustomerColumn, String> values = new EnumMap<>(CustomerColumn.class);
        values.put(CUSTOMER_DOMAIN, domain);
        values.put(ORGANIZATION_NAME, "Team");
        values.put(CONTACT_NAME, "Luc");
        values.put(POSTAL_CODE, "31000");
        values.put(COUNTRY_CODE, "FR");
        values.put(PRIMARY_ADMIN_EMAIL, "owner@example.fr");
        values.put(ADMIN_USERNAME, "admin");
        return new ValidatedCustomer(3, CustomerType.TEAM, values);
    }

    private static ValidatedCustomer withPassword(ValidatedCustomer row, String password) {
        return with(row, ADMIN_PASSWORD, password);
    }

    private static ValidatedCustomer withUsername(ValidatedCustomer row, String username) {
        return with(row, ADMIN_USERNAME, username);
    }

    private static ValidatedCustomer withToken(ValidatedCustomer row, String token) {
        return with(row, CUSTOMER_AUTH_TOKEN, token);
    }

    private static ValidatedCustomer with(ValidatedCustomer row, CustomerColumn column, String value) {
        Map<CustomerColumn, String> values = new EnumMap<>(row.values());
        values.put(column, value);
        return new ValidatedCustomer(row.line(), row.customerType(), values);
    }
}
