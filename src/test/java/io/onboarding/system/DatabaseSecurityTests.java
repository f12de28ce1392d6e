package io.onboarding.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * The embedded H2 file database is its owner's alone: a generated password kept 0600 beside it, also given to a
 * database from before that still had an empty one, and an owner-only folder. (Its server's loopback address is
 * pinned in a JVM of its own: {@link DatabaseServerAddressSecurityTests}.)
 */
class DatabaseSecurityTests {

    @TempDir
    Path tmp;

    @Nested
    class GeneratedPassword {

        @Test
        void aNewDatabaseGetsARandomPasswordInAnOwnerOnlyFileAndTheEmptyOneIsRefused() throws Exception {
            // given
            String url = "jdbc:h2:file:" + tmp.resolve("data/onboarding");

            // when
            StandardEnvironment environment = protect(url);

            // then
            String password = environment.getProperty("spring.datasource.password");
            assertThat(password).hasSizeGreaterThanOrEqualTo(32);
            Path file = tmp.resolve("data/onboarding.db-password");
            assertThat(Files.readString(file).strip()).isEqualTo(password);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            try (Connection first = DriverManager.getConnection(url, "sa", password)) {
                first.createStatement().execute("CREATE TABLE LEDGER(ID INT)");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("Wrong user name or password");
            assertThat(tmp.resolve("data")).isDirectoryNotContaining("glob:**.new");
        }

        @Test
        void everyLaterStartUsesTheSamePassword() throws Exception {
            // given
            String url = "jdbc:h2:file:" + tmp.resolve("data/onboarding");
            String first = protect(url).getProperty("spring.datasource.password");

            // when
            String second = protect(url).getProperty("spring.datasource.password");

            // then
            assertThat(second).isEqualTo(first);
        }

        @Test
        void aDatabaseFromBeforeWithAnEmptyPasswordGetsTheGeneratedOneAndKeepsItsData() throws Exception {
            // given a database as earlier versions left it: user sa, empty password
            String url = "jdbc:h2:file:" + tmp.resolve("data/onboarding") + ";AUTO_SERVER=TRUE";
            try (Connection old = DriverManager.getConnection(url, "sa", "")) {
                old.createStatement().execute("CREATE TABLE LEDGER(DOMAIN VARCHAR(255))");
                old.createStatement().execute("INSERT INTO LEDGER VALUES ('acme.de')");
            }

            // when
            String password = protect(url).getProperty("spring.datasource.password");

            // then
            try (Connection upgraded = DriverManager.getConnection(url, "sa", password);
                    ResultSet rows = upgraded.createStatement().executeQuery("SELECT DOMAIN FROM LEDGER")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("acme.de");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("Wrong user name or password");
        }

        @Test
        void aStartKilledAfterChangingThePasswordFindsItPendingAndFinishes() throws Exception {
            // given a database already given the pending password, whose file was not moved into place
            String url = "jdbc:h2:file:" + tmp.resolve("data/onboarding");
            try (Connection old = DriverManager.getConnection(url, "sa", "")) {
                old.createStatement().execute("ALTER USER SA SET PASSWORD 'pending-one'");
            }
            Files.writeString(tmp.resolve("data/onboarding.db-password.new"), "pending-one\n");

            // when
            String password = protect(url).getProperty("spring.datasource.password");

            // then
            assertThat(password).isEqualTo("pending-one");
            assertThat(Files.readString(tmp.resolve("data/onboarding.db-password")).strip()).isEqualTo("pending-one");
            assertThat(tmp.resolve("data/onboarding.db-password.new")).doesNotExist();
        }

        @Test
        void aConfiguredPasswordIsLeftAloneAndNoFileWritten() throws Exception {
            // given
            String url = "jdbc:h2:file:" + tmp.resolve("data/onboarding");

            // when
            StandardEnvironment environment = protect(url, "spring.datasource.password=configured");

            // then
            assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("configured");
            assertThat(tmp.resolve("data/onboarding.db-password")).doesNotExist();
        }

        @Test
        void anotherDatabaseThanAnH2FileIsLeftAlone() throws Exception {
            // when
            StandardEnvironment memory = protect("jdbc:h2:mem:x");
            StandardEnvironment server = protect("jdbc:postgresql://127.0.0.1/onboarding");

            // then
            assertThat(memory.getProperty("spring.datasource.password")).isNull();
            assertThat(server.getProperty("spring.datasource.password")).isNull();
        }
    }

    @Nested
    class Folder {

        @Test
        void theDataFolderIsCreatedOwnerOnly() throws Exception {
            // when
            protect("jdbc:h2:file:" + tmp.resolve("data/onboarding"));

            // then
            assertThat(mode(tmp.resolve("data"))).isEqualTo("rwx------");
        }

        @Test
        void anExistingFolderOfTheDatabaseIsMadeOwnerOnly() throws Exception {
            // given a folder earlier versions created with the default umask
            Path data = Files.createDirectories(tmp.resolve("data"));
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(data.resolve("onboarding.lock.db"), "server=...");

            // when
            protect("jdbc:h2:file:" + data.resolve("onboarding"));

            // then
            assertThat(mode(data)).isEqualTo("rwx------");
        }

        @Test
        void aFolderSharedWithOtherFilesKeepsItsMode() throws Exception {
            // given
            Path shared = Files.createDirectories(tmp.resolve("shared"));
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(shared.resolve("somebody-elses.txt"), "x");

            // when
            protect("jdbc:h2:file:" + shared.resolve("onboarding"));

            // then
            assertThat(mode(shared)).isEqualTo("rwxr-xr-x");
        }
    }

    @Test
    void databaseUrlsInFileModeNameTheirFiles() {
        assertThat(H2FileDatabase.of("jdbc:h2:file:./data/onboarding;AUTO_SERVER=TRUE").orElseThrow().base())
                .isEqualTo(Path.of("data/onboarding").toAbsolutePath());
        assertThat(H2FileDatabase.of("jdbc:h2:./data/x").orElseThrow().base())
                .isEqualTo(Path.of("data/x").toAbsolutePath());
        assertThat(H2FileDatabase.of("jdbc:h2:~/onboarding").orElseThrow().base())
                .isEqualTo(Path.of(System.getProperty("user.home"), "onboarding"));
        assertThat(H2FileDatabase.of("jdbc:h2:tcp://127.0.0.1/x")).isEmpty();
        assertThat(H2FileDatabase.of("jdbc:h2:mem:x")).isEmpty();
        assertThat(H2FileDatabase.of(null)).isEmpty();
    }

    private StandardEnvironment protect(String url, String... properties) {
        StandardEnvironment environment = new StandardEnvironment();
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(environment, "spring.datasource.url=" + url);
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(environment, properties);
        new H2FileDatabaseProtection().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    private static String mode(Path folder) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(folder));
    }
}
