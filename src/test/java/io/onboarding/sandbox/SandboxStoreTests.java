package io.onboarding.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onboarding.google.Customer;
import io.onboarding.google.NewCustomer;
import io.onboarding.google.NewUser;
import io.onboarding.google.PasswordUpdate;
import io.onboarding.sandbox.SandboxAccounts.SandboxUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14, "a sandbox as durable as the ledger": what the sandbox created is there for the next process, customer
 * ids continue instead of starting again, and its database is kept beside the job's, owner-only, never in it.
 */
class SandboxStoreTests {

    private static final SandboxProperties SEED = TestSandbox.seeded(List.of("already-at-google.com"), List.of());

    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    @Test
    void whatOneProcessCreatedIsThereForTheNextAndIdsContinue() {
        // given a first process that ordered a customer, created its admin, took a foreign customer over
        String url = SandboxDatabase.url(SEED, "jdbc:h2:file:" + tmp.resolve("data/onboarding") + ";AUTO_SERVER=TRUE");
        Customer first;
        try (SandboxStore store = SandboxDatabase.open(url, json)) {
            SandboxAccounts accounts = new SandboxAccounts(store, SEED);
            first = accounts.insertCustomer(order("first.com"), null);
            accounts.insertUser(admin("first.com"));
            accounts.makeAdmin("admin@first.com", true);
            accounts.insertCustomer(order("already-at-google.com"), "transfer-token");
        }

        // when the next process opens the same database and orders another customer
        try (SandboxStore store = SandboxDatabase.open(url, json)) {
            SandboxAccounts accounts = new SandboxAccounts(store, SEED);
            Customer second = accounts.insertCustomer(order("second.com"), null);

            // then its id is new, the first customer and its admin are there, and the seed did not undo the transfer
            assertThat(accounts.customers()).extracting(customer -> customer.resource().customerId())
                    .doesNotHaveDuplicates().hasSize(3);
            assertThat(second.customerId()).isNotEqualTo(first.customerId())
                    .isGreaterThan(first.customerId());
            assertThat(accounts.customer("first.com").orElseThrow().resource()).isEqualTo(first);
            assertThat(accounts.user("ADMIN@first.com")).get().extracting(SandboxUser::superAdmin).isEqualTo(true);
            assertThat(accounts.customer("already-at-google.com").orElseThrow().own()).isTrue();
            // and what the next process's calls need answers as before the restart
            assertThat(accounts.getCustomer(first.customerId()).customerDomain()).isEqualTo("first.com");
            assertThat(accounts.updateUser("admin@first.com", new PasswordUpdate("An0ther-Passw0rd", true)).id())
                    .isEqualTo(accounts.user("admin@first.com").orElseThrow().resource().id());
            assertThatThrownBy(() -> accounts.insertCustomer(order("first.com"), null))
                    .isInstanceOfSatisfying(SandboxError.class, e -> assertThat(e.status()).isEqualTo(409));
        }
    }

    @Test
    void theDatabaseIsBesideTheJobsOwnerOnlyAndRefusesAnyoneWithoutItsPassword() throws Exception {
        // given the job's default-like database in a folder that does not exist yet
        String url = SandboxDatabase.url(SEED, "jdbc:h2:file:" + tmp.resolve("data/onboarding") + ";AUTO_SERVER=TRUE");

        // when the sandbox opens its store
        try (SandboxStore store = SandboxDatabase.open(url, json)) {
            new SandboxAccounts(store, SEED).insertCustomer(order("kept.com"), null);
        }

        // then it is data/sandbox.mv.db, the folder 0700, a generated password 0600 beside it, needed to open it
        assertThat(url).isEqualTo("jdbc:h2:file:" + tmp.resolve("data/sandbox") + ";AUTO_SERVER=TRUE");
        assertThat(tmp.resolve("data/sandbox.mv.db")).exists();
        assertThat(mode(tmp.resolve("data"))).isEqualTo("rwx------");
        Path password = tmp.resolve("data/sandbox.db-password");
        assertThat(mode(password)).isEqualTo("rw-------");
        assertThat(Files.readString(password).strip()).hasSizeGreaterThanOrEqualTo(40);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sandbox", "")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "")).isInstanceOf(SQLException.class);
    }

    @Test
    void aProductionDatabaseNeverHoldsTheSandboxAndAnInMemoryJobGetsAnInMemorySandbox() {
        assertThat(SandboxDatabase.url(SEED, "jdbc:postgresql://db.internal/onboarding"))
                .isEqualTo("jdbc:h2:file:./data/sandbox;AUTO_SERVER=TRUE");
        assertThat(SandboxDatabase.url(SEED, "jdbc:h2:mem:onboarding-1;DB_CLOSE_DELAY=-1"))
                .startsWith("jdbc:h2:mem:sandbox-");
        SandboxProperties configured = new SandboxProperties(0, List.of(), List.of(), null,
                "jdbc:h2:file:/var/lib/onboarding/sandbox");
        assertThat(SandboxDatabase.url(configured, "jdbc:postgresql://db.internal/onboarding"))
                .isEqualTo("jdbc:h2:file:/var/lib/onboarding/sandbox");
        assertThatThrownBy(() -> SandboxDatabase.open("jdbc:postgresql://db.internal/onboarding", json))
                .hasMessageContaining("must be an H2 database");
    }

    private NewCustomer order(String domain) {
        return json.readValue("{\"customerDomain\":\"" + domain + "\",\"customerType\":\"domain\",\"alternateEmail\":"
                + "\"it@example.org\",\"postalAddress\":{\"contactName\":\"Anna\",\"organizationName\":\"Acme\","
                + "\"postalCode\":\"10115\",\"countryCode\":\"DE\"}}", NewCustomer.class);
    }

    private NewUser admin(String domain) {
        return json.readValue("{\"primaryEmail\":\"admin@" + domain + "\",\"name\":{\"givenName\":\"Ada\","
                + "\"familyName\":\"Admin\"},\"password\":\"Temp-Passw0rd-1\",\"changePasswordAtNextLogin\":true}",
                NewUser.class);
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
