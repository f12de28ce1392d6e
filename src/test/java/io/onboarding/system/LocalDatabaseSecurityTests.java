package io.onboarding.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/**
 * Issue 13, "the job's database is open to the network": the job's own H2 file gets a generated password kept
 * owner-only beside it, an existing database without a password is given it and keeps its data, and the folder is
 * its owner's only. (The server's loopback address is pinned in a JVM of its own: job/DatabaseServerSecurityTests.)
 */
class LocalDatabaseSecurityTests {

    @TempDir
    Path tmp;

    @Test
    void aNewDatabaseGetsAGeneratedPasswordKeptOwnerOnlyInAnOwnerOnlyFolder() throws Exception {
        // given a default-like URL whose folder does not exist yet, and no password configured
        String url = url("data/onboarding");

        // when the application prepares its environment
        MockEnvironment environment = prepare(url, "");

        // then the folder is 0700, the password file 0600, and the database takes that password and no other
        String password = environment.getProperty("spring.datasource.password");
        assertThat(password).hasSizeGreaterThanOrEqualTo(40);
        assertThat(mode(tmp.resolve("data"))).isEqualTo("rwx------");
        Path passwordFile = tmp.resolve("data/onboarding.db-password");
        assertThat(mode(passwordFile)).isEqualTo("rw-------");
        assertThat(Files.readString(passwordFile).strip()).isEqualTo(password);
        try (Connection connection = DriverManager.getConnection(url, "sa", password)) {
            assertThat(connection.isValid(1)).isTrue();
        }
        assertRefused(url, "");
    }

    @Test
    void aSecondProcessFindsTheSamePassword() {
        // given the first start
        String url = url("data/onboarding");
        String first = prepare(url, "").getProperty("spring.datasource.password");

        // when another process (status, stop, history) starts against the same database
        String second = prepare(url, "").getProperty("spring.datasource.password");

        // then it uses the same password
        assertThat(second).isEqualTo(first);
    }

    @Test
    void anExistingDatabaseWithoutAPasswordIsGivenTheGeneratedOneAndKeepsItsData() throws Exception {
        // given a database of an earlier version: sa with an empty password, and a ledger with one customer
        String url = url("data/onboarding");
        Files.createDirectories(tmp.resolve("data"));
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE LEDGER (DOMAIN VARCHAR(100))");
            sql.execute("INSERT INTO LEDGER VALUES ('kept.example')");
        }

        // when the new version starts
        String password = prepare(url, "").getProperty("spring.datasource.password");

        // then the data is there with the generated password, and the empty password is refused
        try (Connection connection = DriverManager.getConnection(url, "sa", password);
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT DOMAIN FROM LEDGER")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("kept.example");
        }
        assertRefused(url, "");
        assertThat(mode(tmp.resolve("data/onboarding.db-password"))).isEqualTo("rw-------");
        assertThat(tmp.resolve("data/onboarding.db-password.new")).doesNotExist();
    }

    @Test
    void aStartCutShortAfterSettingThePasswordLosesNeither() throws Exception {
        // given a start that set the pending password on the database and died before keeping it
        String url = url("data/onboarding");
        Files.createDirectories(tmp.resolve("data"));
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement sql = connection.createStatement()) {
            sql.execute("ALTER USER SA SET PASSWORD 'pending-one'");
        }
        Files.writeString(tmp.resolve("data/onboarding.db-password.new"), "pending-one\n");

        // when the next start comes
        String password = prepare(url, "").getProperty("spring.datasource.password");

        // then it uses the pending password and keeps it
        assertThat(password).isEqualTo("pending-one");
        assertThat(Files.readString(tmp.resolve("data/onboarding.db-password")).strip()).isEqualTo("pending-one");
    }

    @Test
    void aDatabaseWithAnUnknownPasswordStopsTheStartWithoutSayingAnyPassword() throws Exception {
        // given a database whose password someone set by hand, and none configured
        String url = url("data/onboarding");
        Files.createDirectories(tmp.resolve("data"));
        try (Connection connection = DriverManager.getConnection(url, "sa", "hand-set-secret")) {
            assertThat(connection.isValid(1)).isTrue();
        }

        // when the job starts
        ConfigurationProblem problem = catchThrowableOfType(ConfigurationProblem.class, () -> prepare(url, ""));

        // then it says what to set, and names no password (not the one it generated either)
        assertThat(problem.getMessage()).contains("has a password");
        assertThat(problem.action()).contains("ONBOARDING_DB_PASSWORD");
        String pending = Files.readString(tmp.resolve("data/onboarding.db-password.new")).strip();
        assertThat(problem.getMessage() + problem.action()).doesNotContain("hand-set-secret").doesNotContain(pending);
        assertThat(tmp.resolve("data/onboarding.db-password")).doesNotExist();
    }

    @Test
    void aConfiguredPasswordAndOtherDatabasesAreLeftAlone() {
        // given a configured password, and a database server
        MockEnvironment configured = prepare(url("data/onboarding"), "operator-set");
        MockEnvironment server = prepare("jdbc:postgresql://db.internal/onboarding", "");

        // then neither gets a generated password
        assertThat(configured.getProperty("spring.datasource.password")).isEqualTo("operator-set");
        assertThat(tmp.resolve("data/onboarding.db-password")).doesNotExist();
        assertThat(server.getProperty("spring.datasource.password")).isEmpty();
    }

    @Test
    void aDatabaseFolderOpenToOthersIsClosedWhenItHoldsOnlyTheDatabase() throws Exception {
        // given an installation's data folder created 0755, holding only the database's files
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(data.resolve("onboarding.trace.db"), "");
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(shared.resolve("someone-elses.txt"), "");

        // when the job starts against each
        prepare(url("data/onboarding"), "");
        prepare(url("shared/onboarding"), "");

        // then the database's own folder is 0700; a folder shared with other files is not changed (a warning says so)
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(shared)).isEqualTo("rwxr-xr-x");
    }

    private String url(String database) {
        return "jdbc:h2:file:" + tmp.resolve(database) + ";AUTO_SERVER=TRUE";
    }

    private static MockEnvironment prepare(String url, String password) {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", url)
                .withProperty("spring.datasource.username", "sa").withProperty("spring.datasource.password", password);
        new LocalDatabaseAccess(destination -> destination.get()).postProcessEnvironment(environment,
                new SpringApplication());
        return environment;
    }

    private static void assertRefused(String url, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", password).close())
                .isInstanceOf(SQLException.class)
                .satisfies(failure -> assertThat(((SQLException) failure).getSQLState()).isEqualTo("28000"));
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
