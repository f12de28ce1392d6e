package io.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.onboarding.sandbox.RecordedRequest;
import io.onboarding.sandbox.SandboxTokens.IssuedToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A production run logged at DEBUG — a token refresh included — leaves no access token, private key,
 * signed assertion, admin password or transfer token in the output or in the run's reports.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsInLogsTests {

    private static final List<String> LOGGERS = List.of(LoggingSystem.ROOT_LOGGER_NAME, "io.onboarding");
    private static final String SECOND_PASSWORD = "An0ther-Secr3t!pw";
    private static final String TRANSFER_TOKEN = "9f8e7d6c5b4a39281706";
    private static final Pattern PASSWORD_IN_BODY = Pattern.compile("\"password\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
    private final List<LogLevel> levelsBefore = new ArrayList<>();

    @TempDir
    Path tmp;

    @BeforeEach
    void rememberLogLevels() {
        for (String logger : LOGGERS) {
            LoggerConfiguration configuration = logging.getLoggerConfiguration(logger);
            levelsBefore.add(configuration == null ? null : configuration.getConfiguredLevel());
        }
    }

    /** Contexts cached by other tests do not configure logging again: put their levels back. */
    @AfterEach
    void restoreLogLevels() {
        for (int i = 0; i < LOGGERS.size(); i++) {
            logging.setLogLevel(LOGGERS.get(i), levelsBefore.get(i));
        }
    }

    @Test
    void aDebugRunWithATokenRefreshLogsAndReportsNoSecret(CapturedOutput output) throws Exception {
        List<String> reports = new ArrayList<>();
        List<String> secrets = new ArrayList<>(List.of("Supplied-Passw0rd!", SECOND_PASSWORD, TRANSFER_TOKEN));
        Set<String> keySlices;
        try (ProductionApplication app = new ProductionApplication(tmp, "--logging.level.root=DEBUG",
                "--logging.level.io.onboarding=DEBUG")) {
            // given a first run, then the token revoked before a second run whose row brings its own password
            // and the transfer token of a domain another reseller has
            JobExecution first = app.run(app.fixture("e2e.csv"));
            app.sandbox.tokens().revokeAll();
            app.sandbox.accounts().seed("second-run.de", false);
            Path secondFile = Files.writeString(tmp.resolve("second.csv"), """
                    customerDomain,organizationName,contactName,addressLine1,locality,postalCode,countryCode,\
                    alternateEmail,adminGivenName,adminFamilyName,adminPassword,customerAuthToken
                    second-run.de,Zweit GmbH,Eva Zweit,Hauptstr. 1,Berlin,10115,DE,eva@example.com,Eva,Zweit,%s,%s
                    """.formatted(SECOND_PASSWORD, TRANSFER_TOKEN));

            // when
            JobExecution second = app.run(secondFile);

            // then both ran, the second on a new token
            assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(app.sandbox.tokens().issued()).hasSize(2);
            assertThat(app.sandbox.requests()).anySatisfy(request -> assertThat(request.query())
                    .isEqualTo("customerAuthToken=" + TRANSFER_TOKEN));
            for (JobExecution execution : List.of(first, second)) {
                Path results = JobEndToEndTest.resultsOf(execution);
                reports.add(Files.readString(results));
                reports.add(Files.readString(results.resolveSibling("rejects.csv")));
            }
            app.sandbox.tokens().issued().stream().map(IssuedToken::value).forEach(secrets::add);
            for (String assertion : app.sandbox.tokens().assertions()) {
                secrets.add(assertion);
                secrets.add(assertion.substring(assertion.lastIndexOf('.') + 1));
            }
            secrets.addAll(passwordsSent(app.sandbox.requests()));
            keySlices = new HashSet<>(app.account.privateKeySlices());
        }

        // the output is really DEBUG, from our code, Spring and the Google libraries alike
        String logged = output.getAll();
        assertThat(logged).contains("DEBUG").containsPattern("DEBUG .*o\\.s\\.")
                .containsPattern("DEBUG .*io\\.onboarding");
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(3 + 2 + 2 * 2 + 2);
        for (String haystack : withAll(logged, reports)) {
            for (String secret : secrets) {
                if (haystack.contains(secret)) {
                    throw new AssertionError("a secret (" + secret.length() + " characters, starting "
                            + secret.substring(0, 4) + "...) appears here: ..."
                            + around(haystack, haystack.indexOf(secret)) + "...");
                }
            }
            assertThat(firstKeySlice(haystack, keySlices)).as("a slice of the private key").isEqualTo(-1);
        }
    }

    private static List<String> withAll(String logged, List<String> reports) {
        List<String> all = new ArrayList<>(reports);
        all.add(logged);
        return all;
    }

    /** Every password the job sent in a users.insert: supplied and generated alike. */
    private static List<String> passwordsSent(List<RecordedRequest> requests) {
        List<String> passwords = new ArrayList<>();
        for (RecordedRequest request : requests) {
            if (request.call().equals("users.insert")) {
                Matcher matcher = PASSWORD_IN_BODY.matcher(request.body());
                if (matcher.find()) {
                    passwords.add(matcher.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
            }
        }
        return passwords;
    }

    /** Where in the text any 40-character slice of the key begins, or -1. */
    private static int firstKeySlice(String text, Set<String> slices) {
        for (int start = 0; start + 40 <= text.length(); start++) {
            if (slices.contains(text.substring(start, start + 40))) {
                return start;
            }
        }
        return -1;
    }

    /** What surrounds a leak, with the leak itself cut short, so the failure message does not repeat it. */
    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 120), at).replace('\n', ' ');
    }
}
