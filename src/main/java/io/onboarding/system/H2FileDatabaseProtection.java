package io.onboarding.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Closes the embedded H2 file database to everyone but this machine's user: its AUTO_SERVER listens on loopback
 * only, its folder is 0700, and without a configured password it gets a generated one kept 0600 beside it.
 */
public class H2FileDatabaseProtection implements EnvironmentPostProcessor, Ordered {

    /** H2 reads it once, when its first class loads: before any database of the process opens. */
    static final String BIND_ADDRESS = "h2.bindAddress";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Optional<H2FileDatabase> database = H2FileDatabase.of(environment.getProperty("spring.datasource.url"));
        if (database.isEmpty()) {
            return;
        }
        // AUTO_SERVER opens its TCP server "allowing others" on every interface unless H2 is told an address.
        if (System.getProperty(BIND_ADDRESS) == null) {
            System.setProperty(BIND_ADDRESS, "127.0.0.1");
        }
        try {
            database.get().protectFolder();
            String configured = environment.getProperty("spring.datasource.password", "");
            if (configured.isEmpty()) {
                String user = environment.getProperty("spring.datasource.username", "sa");
                String password = new DatabasePasswordFile(database.get(), user).password();
                environment.getPropertySources().addFirst(new MapPropertySource("onboardingDatabasePassword",
                        Map.of("spring.datasource.password", password)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot protect the database folder " + database.get().folder(), e);
        }
    }

    @Override
    public int getOrder() {
        // After the configuration files and command-line arguments are read.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
