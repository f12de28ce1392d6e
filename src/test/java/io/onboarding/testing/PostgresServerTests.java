package io.onboarding.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test build's own PostgreSQL server: real, durable as production states it, never run as root, and gone after. */
// Two clusters made by initdb (1.5 to 4 s each on this busy 2-core machine): failsafe runs it, next to the suites
// that start real processes.
@Tag("slow")
class PostgresServerTests {

    @TempDir
    Path tmp;

    @Test
    void writesAndReadsRowsInADatabaseOfItsOwn() throws SQLException {
        // given
        PostgresServer server = PostgresServer.shared();
        String database = server.createDatabase();
        try (Connection connection = server.connect(database); Statement statement = connection.createStatement()) {
            // when
            statement.execute("CREATE TABLE customer (domain VARCHAR(255) PRIMARY KEY, admins INT NOT NULL)");
            statement.executeUpdate("INSERT INTO customer VALUES ('b.example', 2), ('a.example', 1)");

            // then
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SELECT domain, admins FROM customer ORDER BY domain")) {
                while (result.next()) {
                    rows.add(result.getString(1) + "=" + result.getInt(2));
                }
            }
            assertThat(rows).containsExactly("a.example=1", "b.example=2");
            assertThat(connection.getMetaData().getDatabaseMajorVersion()).isEqualTo(17);
        }
    }

    @Test
    void commitsSynchronously() throws SQLException {
        assertThat(setting("synchronous_commit")).isEqualTo("on");
        assertThat(setting("fsync")).isEqualTo("on");
    }

    @Test
    void theServerRunsAsAnUnprivilegedUser() throws Exception {
        // given the process serving this connection
        try (Connection connection = PostgresServer.shared().connect("postgres");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
            result.next();
            Path process = Path.of("/proc", String.valueOf(result.getInt(1)));

            // then: never root (PostgreSQL refuses root, and the build runs as root), and as root the JVM's stand-in
            int uid = (int) Files.getAttribute(process, "unix:uid");
            assertThat(uid).isNotZero();
            if (ServerUser.jvmRunsAsRoot()) {
                assertThat(uid).isEqualTo(ServerUser.forThisJvm().uid());
            } else {
                assertThat(uid).isEqualTo((int) Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
            }
        }
    }

    @Test
    void closingStopsTheServerAndDeletesItsFiles() throws Exception {
        // given a server of the test's own
        PostgresServer server = PostgresServer.start();
        Path directory = server.directory();
        Path postmaster = Path.of("/proc", Files.readAllLines(directory.resolve("data/postmaster.pid")).get(0).trim());
        assertThat(running(postmaster)).isTrue();

        // when
        server.close();

        // then
        assertThat(running(postmaster)).isFalse();
        assertThat(directory).doesNotExist();
        assertThatThrownBy(() -> server.connect("postgres")).isInstanceOf(SQLException.class);
    }

    @Test
    void aServerThatCannotStartFailsWithAClearMessage() {
        // given binaries without PostgreSQL's programs
        Path noBinaries = tmp;

        // then starting fails (a PostgreSQL test fails, never skips) and says why
        assertThatThrownBy(() -> PostgresServer.start(noBinaries, ServerUser.forThisJvm()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("PostgreSQL could not be started for the tests")
                .hasMessageContaining(noBinaries.resolve("bin/initdb").toString());
    }

    /** Neither gone nor a zombie: pg_ctl daemonises the postmaster, whose last reaper (PID 1) may be slow to come. */
    private static boolean running(Path process) throws IOException {
        try {
            String stat = Files.readString(process.resolve("stat"));
            // The state follows the command's closing parenthesis: "pid (postgres) S ..."
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (NoSuchFileException gone) {
            return false;
        }
    }

    private static String setting(String name) throws SQLException {
        try (Connection connection = PostgresServer.shared().connect("postgres");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
