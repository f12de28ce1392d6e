package io.onboarding.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.onboarding.cli.OnboardingCommandLine;
import io.onboarding.testing.PostgresServer;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A database that cannot be reached at start: exit code 2 and one paragraph saying what to check, no secret. */
@Tag("slow")
@ExtendWith(OutputCaptureExtension.class)
class DatabaseUnreachableTests {

    @TempDir
    Path tmp;

    @Test
    void nothingAnsweringAtTheUrlIsExitCode2WithWhatToCheck(CapturedOutput output) throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        int exitCode = OnboardingCommandLine.execute("history",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closed + "/onboarding?password=Url-Secret-1",
                "--spring.datasource.username=onboarding", "--spring.datasource.password=Db-Secret-Passw0rd",
                "--logging.file.name=" + tmp.resolve("logs/onboarding.log"));

        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getAll()).contains("Cannot reach the job's database at jdbc:postgresql://127.0.0.1:" + closed
                + "/onboarding?password=(hidden): nothing answers there (connection refused). Nothing was started.",
                "Check spring.datasource.url (env ONBOARDING_DB_URL)")
                .doesNotContain("Url-Secret-1", "Db-Secret-Passw0rd");
    }

    @Test
    void aRefusedLoginAndAMissingDatabaseAreSaidSo(CapturedOutput output) {
        PostgresServer postgres = PostgresServer.shared();

        int wrongPassword = OnboardingCommandLine.execute("history", "--spring.datasource.url="
                + postgres.jdbcUrl("postgres"), "--spring.datasource.username=" + PostgresServer.USER,
                "--spring.datasource.password=Not-The-Passw0rd", "--logging.file.name=" + tmp.resolve("logs/a.log"));
        int noDatabase = OnboardingCommandLine.execute("history", "--spring.datasource.url="
                + postgres.jdbcUrl("no_such_database"), "--spring.datasource.username=" + PostgresServer.USER,
                "--spring.datasource.password=" + postgres.password(), "--logging.file.name=" + tmp.resolve("logs/b.log"));

        assertThat(wrongPassword).isEqualTo(2);
        assertThat(noDatabase).isEqualTo(2);
        assertThat(output.getAll()).contains("it refused the login of user 'postgres' (wrong password, or the user is "
                + "not allowed)", "the database does not exist on that server").doesNotContain("Not-The-Passw0rd",
                postgres.password());
    }
}
