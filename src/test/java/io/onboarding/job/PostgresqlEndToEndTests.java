package io.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.onboarding.OnboardingApplication;
import io.onboarding.ledger.Outcome;
import io.onboarding.runs.FileRuns;
import io.onboarding.runs.RunAnswer;
import io.onboarding.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole job on a real PostgreSQL server, as a shared deployment runs it: the schema from its migrations, the
 * sample file onboarded, its outcomes and ledger there, and the same file refused by the next process.
 */
@Tag("slow")
class PostgresqlEndToEndTests {

    @TempDir
    Path tmp;

    @Test
    void theSampleRunsOnPostgresqlAndTheNextProcessRefusesItAsDone() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        String database = postgres.createDatabase();
        Path input = Files.copy(Path.of("sample-data/customers.csv"), tmp.resolve("customers.csv"));

        RunAnswer first;
        try (ConfigurableApplicationContext app = start(postgres, database)) {
            first = app.getBean(FileRuns.class).run(input, false);

            JdbcClient jdbc = JdbcClient.create(app.getBean(javax.sql.DataSource.class));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM PROVISIONING_LEDGER").query(Long.class).single()).isEqualTo(22);
            assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
        }

        assertThat(first.summary().status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(first.summary().counts().get(Outcome.ONBOARDED)).isEqualTo(22);
        assertThat(first.summary().rows()).isEqualTo(31);
        try (ConfigurableApplicationContext next = start(postgres, database)) {
            RunAnswer again = next.getBean(FileRuns.class).run(input, false);

            assertThat(again).isInstanceOf(RunAnswer.AlreadyComplete.class);
            assertThat(again.summary().runId()).isEqualTo(first.summary().runId());
        }
    }

    private ConfigurableApplicationContext start(PostgresServer postgres, String database) {
        List<String> arguments = new ArrayList<>(postgres.datasourceArguments(database));
        arguments.addAll(List.of("--onboarding.sandbox.database-url=jdbc:h2:mem:pg-sandbox;DB_CLOSE_DELAY=-1",
                "--onboarding.report-dir=" + tmp.resolve("reports"), "--onboarding.notices.enabled=false",
                "--logging.file.name=" + tmp.resolve("logs/onboarding.log")));
        return new SpringApplicationBuilder(OnboardingApplication.class).web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
    }
}
