package io.onboarding.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class ConnectionPoolCheckTests {

    @Test
    void theDefaultPoolServesTheMostWorkersARunMayUse() {
        // application.yml's pool of 20 and the ceiling of 16 workers
        ConnectionPoolCheck.check(20, OnboardingProperties.MAX_WORKERS);
    }

    @Test
    void aPoolTooSmallForTheWorkersStopsTheStartSayingWhatToSet() {
        assertThatThrownBy(() -> ConnectionPoolCheck.check(10, 8)).isInstanceOf(ConfigurationProblem.class)
                .hasMessage("The database pool (spring.datasource.hikari.maximum-pool-size = 10) is too small for "
                        + "onboarding.workers = 8.")
                .satisfies(problem -> assertThat(((ConfigurationProblem) problem).action())
                        .startsWith("Give the pool at least 12 connections"));
    }

    @Test
    void thePoolSizeIsReadFromTheApplicationsHikariPool() {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setMaximumPoolSize(6);

            assertThatThrownBy(() -> new ConnectionPoolCheck(pool, new OnboardingProperties(RunMode.Setting.AUTO,
                    java.nio.file.Path.of("reports"), 20, 4, java.time.Duration.ofSeconds(30), false)))
                    .hasMessageContaining("maximum-pool-size = 6");
        }
    }
}
