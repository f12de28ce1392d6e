package io.onboarding.system;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Says in one paragraph that the job's database cannot be reached at start — nothing answers, the login is refused,
 * the database does not exist — naming the URL without its secrets and what to check, instead of a pool's stack
 * trace. The command then ends with exit code 2: nothing was started.
 */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private final Environment environment;

    DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String why = why(rootFailure, cause);
        if (why == null) {
            // Not a connection problem (a statement, a migration): Boot's own report says more.
            return null;
        }
        String url = withoutSecrets(environment.getProperty("spring.datasource.url", ""));
        return new FailureAnalysis("Cannot reach the job's database at " + url + ": " + why + ". Nothing was started.",
                "Check spring.datasource.url (env ONBOARDING_DB_URL), its user and password (ONBOARDING_DB_USER, "
                        + "ONBOARDING_DB_PASSWORD), and that the database server runs and accepts connections from "
                        + "this host. Then run the same command again.", cause);
    }

    private String why(Throwable failure, SQLException cause) {
        String state = cause.getSQLState() == null ? "" : cause.getSQLState();
        if (state.startsWith("28")) {
            return "it refused the login of user '" + environment.getProperty("spring.datasource.username", "")
                    + "' (wrong password, or the user is not allowed)";
        }
        if (state.equals("3D000")) {
            return "the database does not exist on that server";
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "its host name is unknown";
            }
            if (t instanceof ConnectException) {
                return "nothing answers there (connection refused)";
            }
        }
        return state.startsWith("08") ? "the connection failed (" + firstLine(cause.getMessage()) + ")" : null;
    }

    /** The URL without a password or other secret given in its parameters. */
    static String withoutSecrets(String url) {
        return url.replaceAll("(?i)((?:password|passwd|pwd|sslpassword|sslkey)=)[^;&]*", "$1(hidden)");
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
