package io.onboarding.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.onboarding.OnboardingApplication;
import io.onboarding.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two {@code serve} instances on one PostgreSQL database and one inbox folder, both polling every second while
 * files are dropped: every file runs once and lands in done/ once, every customer is ordered once.
 */
@Tag("slow")
class InboxTwoInstancesTests {

    private static final String HEADER = "customerDomain,organizationName,contactName,postalCode,countryCode,"
            + "alternateEmail,adminGivenName,adminFamilyName\n";
    private static final int FILES = 6;
    private static final int ROWS = 5;

    @TempDir
    Path tmp;

    @Test
    void everyFileDroppedWhileBothPollRunsOnceAndLandsInDoneOnce() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        String database = postgres.createDatabase();
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        try (ConfigurableApplicationContext first = start(postgres, database, "a");
                ConfigurableApplicationContext second = start(postgres, database, "b")) {
            // when files are dropped while both poll
            for (int file = 0; file < FILES; file++) {
                StringBuilder rows = new StringBuilder(HEADER);
                for (int row = 0; row < ROWS; row++) {
                    rows.append("two-").append(file).append('-').append(row)
                            .append(".com,Two Inc.,Tom Two,12345,US,t@example.com,Tom,Two\n");
                }
                Path part = tmp.resolve("file-" + file + ".part");
                Files.writeString(part, rows);
                Files.move(part, inbox.resolve("file-" + file + ".csv"));
            }
            awaitDone(inbox);

            // then each file ran once and is in done/ once
            assertThat(names(inbox.resolve("done"), ".csv")).containsExactlyInAnyOrderElementsOf(
                    Stream.iterate(0, i -> i + 1).limit(FILES).map(i -> "file-" + i + ".csv").toList());
            assertThat(names(inbox.resolve("processing"), "")).isEmpty();
            assertThat(names(inbox, ".csv")).isEmpty();
            JdbcClient jdbc = JdbcClient.create(first.getBean(DataSource.class));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE").query(Long.class).single())
                    .as("one run per file").isEqualTo(FILES);
            Map<String, Long> onboarded = jdbc.sql("SELECT CUSTOMER_DOMAIN FROM ONBOARDING_ROW_RESULT WHERE OUTCOME = "
                    + "'ONBOARDED'").query(String.class).list().stream()
                    .collect(Collectors.groupingBy(domain -> domain, Collectors.counting()));
            assertThat(onboarded).hasSize(FILES * ROWS).allSatisfy((domain, count) -> assertThat(count).isEqualTo(1));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM PROVISIONING_LEDGER").query(Long.class).single())
                    .isEqualTo(FILES * ROWS);
        }
    }

    private ConfigurableApplicationContext start(PostgresServer postgres, String database, String name) {
        List<String> arguments = new ArrayList<>(postgres.datasourceArguments(database));
        arguments.addAll(List.of("--onboarding.inbox.enabled=true", "--onboarding.inbox.dir=" + tmp.resolve("inbox"),
                "--onboarding.inbox.cron=* * * * * *", "--onboarding.inbox.settle-time=300ms",
                "--onboarding.sandbox.database-url=jdbc:h2:mem:inbox-sandbox-" + name + ";DB_CLOSE_DELAY=-1",
                "--onboarding.report-dir=" + tmp.resolve("reports-" + name), "--onboarding.notices.enabled=false",
                "--logging.file.name=" + tmp.resolve("logs/" + name + ".log")));
        return new SpringApplicationBuilder(OnboardingApplication.class).web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
    }

    private static void awaitDone(Path inbox) throws Exception {
        for (int i = 0; i < 1_200; i++) {
            if (names(inbox.resolve("done"), ".results.csv").size() >= FILES && names(inbox, ".csv").isEmpty()
                    && names(inbox.resolve("processing"), "").isEmpty()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the files never all landed in done/: " + names(inbox.resolve("done"), ""));
    }

    private static List<String> names(Path folder, String suffix) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(suffix) && !name.endsWith(".results.csv") || suffix.equals(".results.csv")
                            && name.endsWith(suffix))
                    .sorted().toList();
        }
    }
}
