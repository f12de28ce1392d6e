package io.onboarding.system;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * Brings the job's database to the current schema at every start: Flyway's versioned migrations, per database
 * where the SQL differs ({@code db/migration/{vendor}}) and shared where it does not ({@code db/migration/common}). A database made by a release before Flyway — its tables created by an
 * init script, without a schema history — is taken over as it is: its history starts at the version of the schema
 * that script left ({@value #INIT_SCRIPT_VERSION}), and only the migrations after it run on it.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class DatabaseMigrations {

    /** The schema the init script of the releases before Flyway created: Spring Batch's tables (V1), the job's (V2). */
    static final String INIT_SCRIPT_VERSION = "2";

    private static final Logger log = LoggerFactory.getLogger(DatabaseMigrations.class);

    /** Tables that only that init script (or the migrations up to its version) creates, together. */
    private static final List<String> INIT_SCRIPT_TABLES = List.of("BATCH_JOB_INSTANCE", "PROVISIONING_LEDGER");

    @Bean
    FlywayMigrationStrategy takeOverInitScriptDatabases() {
        return flyway -> {
            if (createdByInitScript(flyway.getConfiguration())) {
                log.info("The job's database was created before versioned migrations: taking it over at schema "
                        + "version {}", INIT_SCRIPT_VERSION);
                Flyway.configure().configuration(flyway.getConfiguration())
                        .baselineVersion(INIT_SCRIPT_VERSION)
                        .baselineDescription("schema of the init script before Flyway")
                        .load().baseline();
            }
            flyway.migrate();
        };
    }

    /**
     * Whether the database has the init script's tables and no schema history. Any other schema without a history
     * is left to Flyway: empty, it is migrated from V1; holding tables of something else, Flyway refuses it.
     */
    static boolean createdByInitScript(Configuration configuration) {
        try (Connection connection = configuration.getDataSource().getConnection()) {
            String schema = configuration.getDefaultSchema() != null ? configuration.getDefaultSchema()
                    : connection.getSchema();
            DatabaseMetaData metaData = connection.getMetaData();
            if (hasTable(metaData, schema, configuration.getTable())) {
                return false;
            }
            for (String table : INIT_SCRIPT_TABLES) {
                if (!hasTable(metaData, schema, table)) {
                    return false;
                }
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the tables of the job's database: " + e.getMessage(), e);
        }
    }

    /** H2 keeps unquoted names in upper case, PostgreSQL in lower case, and Flyway's history table is quoted. */
    private static boolean hasTable(DatabaseMetaData metaData, String schema, String table) throws SQLException {
        for (String name : java.util.stream.Stream.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))
                .distinct().toList()) {
            try (ResultSet tables = metaData.getTables(null, schema, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
