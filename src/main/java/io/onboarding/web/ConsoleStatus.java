package io.onboarding.web;

import com.google.auth.Credentials;
import io.onboarding.system.RunMode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** The console's status header: sandbox or production, database reachable, Google credentials usable. */
@Component
public class ConsoleStatus {

    private static final Duration CREDENTIALS_CHECKED_FOR = Duration.ofMinutes(5);

    private final RunMode mode;
    private final DataSource dataSource;
    private final Credentials credentials;
    private volatile String credentialsState;
    private volatile Instant credentialsCheckedAt = Instant.MIN;

    private final Clock clock;

    ConsoleStatus(RunMode mode, DataSource dataSource, Credentials googleCredentials, Clock clock) {
        this.clock = clock;
        this.mode = mode;
        this.dataSource = dataSource;
        this.credentials = googleCredentials;
    }

    /** What the header shows. */
    public record View(String mode, boolean databaseOk, boolean credentialsOk, String credentials) {
    }

    public View view() {
        return new View(mode.name(), databaseOk(), credentialsState().startsWith("OK"), credentialsState());
    }

    private boolean databaseOk() {
        try (var connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    /** Asks for a token at most every few minutes: a page view must not cost a token request each time. */
    private String credentialsState() {
        if (mode == RunMode.SANDBOX) {
            return "OK (sandbox: none needed)";
        }
        if (Duration.between(credentialsCheckedAt, clock.instant()).compareTo(CREDENTIALS_CHECKED_FOR) > 0) {
            try {
                credentials.getRequestMetadata(URI.create("https://reseller.googleapis.com"));
                credentialsState = "OK (a token was issued)";
            } catch (Exception e) {
                credentialsState = "refused: " + e.getClass().getSimpleName() + " — see the log";
            }
            credentialsCheckedAt = clock.instant();
        }
        return credentialsState;
    }
}
