package io.onboarding.system;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps the job's own H2 database to the user who runs the job, before anything opens it: the server H2 starts for
 * a second process (AUTO_SERVER) listens on loopback only, the database's folder is its owner's only (0700), and
 * a database without a configured password gets a generated one ({@link DatabasePassword}). Any other database
 * (PostgreSQL, an H2 server) and a configured password are left as they are.
 */
class LocalDatabaseAccess implements EnvironmentPostProcessor, Ordered {

    /** H2 binds every server socket of the JVM to this address; read once, when H2 is first used. */
    static final String BIND_ADDRESS = "h2.bindAddress";
    static final String PASSWORD = "spring.datasource.password";

    private final Log log;

    LocalDatabaseAccess(DeferredLogFactory logs) {
        this.log = logs.getLog(LocalDatabaseAccess.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())) {
            return;
        }
        // AUTO_SERVER's server would otherwise listen on every interface, and let others in.
        if (System.getProperty(BIND_ADDRESS) == null) {
            System.setProperty(BIND_ADDRESS, InetAddress.getLoopbackAddress().getHostAddress());
        }
        H2FileDatabase.of(url).ifPresent(database -> {
            keepFolderToOwner(database);
            String configured = environment.getProperty(PASSWORD);
            if ((configured == null || configured.isEmpty()) && !H2FileDatabase.hasCredentialsInUrl(url)) {
                String password = new DatabasePassword(database, url,
                        environment.getProperty("spring.datasource.username", "sa"), log).resolve();
                environment.getPropertySources().addFirst(new MapPropertySource("generatedDatabasePassword",
                        Map.of(PASSWORD, password)));
            }
        });
    }

    /**
     * The database's files (its data, the lock file with the server's key, the password) are nobody else's
     * business. A folder shared with other files is not changed under their owner's feet: a warning says so.
     */
    private void keepFolderToOwner(H2FileDatabase database) {
        try {
            if (!Files.exists(database.folder())) {
                OwnerOnlyFiles.createFolder(database.folder());
            } else if (OwnerOnlyFiles.openToOthers(database.folder())) {
                if (database.ownsItsFolder()) {
                    OwnerOnlyFiles.restrictFolder(database.folder());
                    log.info("The database folder " + database.folder() + " is its owner's only now (0700)");
                } else {
                    log.warn("The database folder " + database.folder() + " is open to other users and holds other "
                            + "files too: give the database a folder of its own (spring.datasource.url), or make it 0700");
                }
            }
        } catch (IOException e) {
            throw new ConfigurationProblem("Cannot create or restrict the database folder " + database.folder() + " ("
                    + e.getClass().getSimpleName() + ").", "Make its parent writable by this user, or point "
                    + "ONBOARDING_DB_URL elsewhere.", null);
        }
    }

    @Override
    public int getOrder() {
        // After the configuration files and the command line have been read.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
