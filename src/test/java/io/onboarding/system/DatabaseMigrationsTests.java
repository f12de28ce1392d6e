package io.onboarding.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.onboarding.OnboardingApplication;
import io.onboarding.job.RunSummaries;
import io.onboarding.job.RunSummary;
import io.onboarding.ledger.LedgerEntry;
import io.onboarding.ledger.NoticeStatus;
import io.onboarding.ledger.Outcome;
import io.onboarding.ledger.ProvisioningLedger;
import io.onboarding.ledger.RowResult;
import io.onboarding.ledger.RowResultRepository;
import io.onboarding.runs.FileRuns;
import io.onboarding.runs.RunAnswer;
import io.onboarding.sandbox.RecordedRequest;
import io.onboarding.sandbox.SandboxProperties;
import io.onboarding.sandbox.TestSandbox;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The job's H2 file database at start: a new one is made by the migrations; one that the release before Flyway made
 * (its schema from an init script) is taken over in place and keeps everything. The fixture is such a database, made
 * by that release with {@code run} and {@code validate} of sample-data/customers.csv (db/fixtures/README.md).
 */
class DatabaseMigrationsTests {

    private static final String FIXTURE = "db/fixtures/init-script-release/";
    private static final String SAMPLE_HEADER = "customerDomain,customerType,organizationName,contactName,"
            + "addressLine1,addressLine2,addressLine3,locality,region,postalCode,countryCode,phoneNumber,"
            + "alternateEmail,primaryAdminEmail,language,adminGivenName,adminFamilyName,adminUsername,adminPassword,"
            + "customerAuthToken,externalId\n";
    /** Onboarded by the fixture's run 1. */
    private static final String EARLIER_CUSTOMER = "desert-bloom-landscaping.com,,Desert Bloom Landscaping LLC,"
            + "Sam Carter,4200 E Camelback Rd,,,Phoenix,AZ,85018,US,+1 602 555 0142,sam.carter@example.com,,,Sam,Carter,,"
            + "Cactus-Flower-2026!,,CRM-1012\n";
    private static final String NEW_CUSTOMER = "after-the-migration.com,,After The Migration LLC,Ada Later,"
            + "1 Main St,,,Phoenix,AZ,85018,US,,ada@example.com,,,Ada,Later,,,,CRM-2001\n";

    @TempDir
    Path tmp;

    private TestSandbox sandbox;

    @BeforeEach
    void startSandbox() throws Exception {
        sandbox = TestSandbox.start(new SandboxProperties(0, List.of("already-at-google.com"), List.of(), null, null),
                JsonMapper.builder().build(), Clock.systemUTC());
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void aNewDatabaseIsMadeByTheMigrationsAndWritesEachCommitAtOnce() {
        // when the application starts on a folder without a database
        try (ConfigurableApplicationContext application = start()) {
            JdbcClient jdbc = application.getBean(JdbcClient.class);

            // then Spring Batch's schema and the job's tables are the migrations 1 and 2
            assertThat(history(jdbc)).containsExactly("1 SQL true", "2 SQL true", "3 SQL true", "4 SQL true");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM PROVISIONING_LEDGER").query(Integer.class).single()).isZero();
            // and H2 writes every commit to its file at once (the ledger's records survive a killed process)
            assertThat(writeDelays(jdbc)).contains("0");
        }
    }

    @Test
    void aDatabaseOfTheReleaseBeforeFlywayKeepsItsRunsAndLedgerAndRunsOn() throws Exception {
        // given the database the release before Flyway left: run 1 of the sample (22 customers onboarded), run 2 a
        // dry run of it, and no schema history
        copyFixture();

        // when the application starts on it
        try (ConfigurableApplicationContext application = start()) {
            JdbcClient jdbc = application.getBean(JdbcClient.class);
            RunSummaries summaries = application.getBean(RunSummaries.class);

            // then its schema is taken over at version 2, the init script's, without running a migration on it
            assertThat(history(jdbc)).containsExactly("2 BASELINE true", "3 SQL true", "4 SQL true");
            assertThat(writeDelays(jdbc)).contains("0");
            // and the earlier runs are there, with their row outcomes and the dry run's counts
            RunSummary real = summaries.ofRun(1);
            assertThat(real.status()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(real.dryRun()).isFalse();
            assertThat(real.counts()).containsAllEntriesOf(Map.of(Outcome.ONBOARDED, 22, Outcome.INVALID, 6,
                    Outcome.COUNTRY_NOT_ALLOWED, 1, Outcome.DUPLICATE_IN_FILE, 1, Outcome.TRANSFER_REQUIRED, 1));
            List<RowResult> rows = new ArrayList<>();
            application.getBean(RowResultRepository.class).forEachInRun(1, rows::add);
            assertThat(rows).hasSize(31);
            assertThat(rows).filteredOn(row -> "desert-bloom-landscaping.com".equals(row.customerDomain()))
                    .singleElement().satisfies(row -> {
                        assertThat(row.outcome()).isEqualTo(Outcome.ONBOARDED);
                        assertThat(row.externalId()).isEqualTo("CRM-1012");
                    });
            RunSummary dry = summaries.ofRun(2);
            assertThat(dry.dryRun()).isTrue();
            assertThat(dry.counts()).containsAllEntriesOf(Map.of(Outcome.VALID, 23, Outcome.INVALID, 6));
            // and the ledger has every customer the earlier run completed, with its notice
            assertThat(jdbc.sql("SELECT COUNT(*) FROM PROVISIONING_LEDGER WHERE COMPLETED_BY_RUN = 1")
                    .query(Integer.class).single()).isEqualTo(22);
            LedgerEntry earlier = application.getBean(ProvisioningLedger.class)
                    .find("desert-bloom-landscaping.com").orElseThrow();
            assertThat(earlier.completedByRun()).isEqualTo(1L);
            assertThat(earlier.adminEmail()).isEqualTo("admin@desert-bloom-landscaping.com");
            assertThat(earlier.noticeStatus()).isEqualTo(NoticeStatus.SENT);
            // and the same file is still known as complete, so running it again is refused
            JobParameters firstFile = application.getBean(JobRepository.class).getJobExecution(1L).getJobParameters();
            assertThat(summaries.lastOf(firstFile).runId()).isEqualTo(1);
            assertThat(summaries.lastOf(firstFile).status()).isEqualTo(BatchStatus.COMPLETED);

            // when a new file with a customer of run 1 and a new one runs
            Path next = Files.writeString(tmp.resolve("next.csv"), SAMPLE_HEADER + EARLIER_CUSTOMER + NEW_CUSTOMER);
            RunAnswer answer = application.getBean(FileRuns.class).run(next, false);

            // then it is run 3: the earlier customer is not ordered again, the new one is
            assertThat(answer).isInstanceOf(RunAnswer.Ran.class);
            assertThat(answer.summary().runId()).isEqualTo(3);
            assertThat(answer.summary().status()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(answer.summary().counts()).containsAllEntriesOf(
                    Map.of(Outcome.ALREADY_ONBOARDED, 1, Outcome.ONBOARDED, 1));
            assertThat(sandbox.requests()).extracting(RecordedRequest::call).contains("customers.insert");
            assertThat(sandbox.requests()).extracting(RecordedRequest::body).noneMatch(
                    body -> body != null && body.contains("desert-bloom-landscaping.com"));
        }
    }

    @Test
    void aSchemaWithTablesOfSomethingElseIsRefusedRatherThanTakenOver() {
        // given a database without schema history that holds somebody else's table, and one of the init script's
        EmbeddedDatabase database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
                .generateUniqueName(true).addScript("db/migration/h2/V2__onboarding_tables.sql").build();
        try {
            JdbcClient.create(database).sql("CREATE TABLE INVOICE (ID BIGINT PRIMARY KEY)").update();
            Flyway flyway = Flyway.configure().dataSource(database).locations("classpath:db/migration/h2").load();

            // when the migrations start on it
            Throwable refused = catchThrowable(() -> new DatabaseMigrations().takeOverInitScriptDatabases()
                    .migrate(flyway));

            // then Flyway refuses it (only Spring Batch's and the job's tables together are taken over)
            assertThat(refused).isInstanceOf(FlywayException.class).hasMessageContaining("non-empty schema");
            assertThat(DatabaseMigrations.createdByInitScript(flyway.getConfiguration())).isFalse();
        } finally {
            database.shutdown();
        }
    }

    /** The application as a command starts it, on a database in the test's folder, without running a command. */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(OnboardingApplication.class).run(
                "--spring.datasource.url=jdbc:h2:file:" + tmp.resolve("db/onboarding"),
                "--onboarding.cli.enabled=false", "--onboarding.mode=sandbox",
                "--onboarding.sandbox.url=" + sandbox.baseUrl(),
                "--onboarding.report-dir=" + tmp.resolve("reports"),
                "--logging.file.name=" + tmp.resolve("logs/onboarding.log"));
    }

    private void copyFixture() throws Exception {
        Files.createDirectories(tmp.resolve("db"));
        for (String file : List.of("onboarding.mv.db", "onboarding.db-password")) {
            try (InputStream in = new ClassPathResource(FIXTURE + file).getInputStream()) {
                Files.copy(in, tmp.resolve("db").resolve(file));
            }
        }
    }

    /** Flyway's schema history: version, type and success of each versioned entry, in order. */
    private static List<String> history(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT "version", "type", "success" FROM "flyway_schema_history" WHERE "version" IS NOT NULL
                ORDER BY "installed_rank\"""")
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getBoolean(3)).list();
    }

    /** H2 lists its stored WRITE_DELAY beside its built-in default (500). */
    private static List<String> writeDelays(JdbcClient jdbc) {
        return jdbc.sql("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")
                .query(String.class).list();
    }
}
