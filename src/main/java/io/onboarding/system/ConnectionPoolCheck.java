package io.onboarding.system;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the database pool cannot serve the workers: each worker writes the ledger on a connection
 * of its own while the chunk holds one, and the claims' heartbeat, the inbox's locks and the console need theirs.
 * Too small a pool would make workers wait for each other's connections instead of for Google.
 */
@Component
class ConnectionPoolCheck {

    /** Connections besides the workers': the chunk's, the heartbeat's, the inbox lock's, the console's. */
    static final int BESIDES_WORKERS = 4;

    ConnectionPoolCheck(DataSource dataSource, OnboardingProperties properties) throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            check(dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize(), properties.workers());
        }
    }

    static void check(int poolSize, int workers) {
        if (poolSize < workers + BESIDES_WORKERS) {
            throw new ConfigurationProblem("The database pool (spring.datasource.hikari.maximum-pool-size = " + poolSize
                    + ") is too small for onboarding.workers = " + workers + ".", "Give the pool at least "
                    + (workers + BESIDES_WORKERS) + " connections (the workers', plus " + BESIDES_WORKERS + " for the "
                    + "chunk, the claims' heartbeat, the inbox and the console), or run fewer workers.", null);
        }
    }
}
