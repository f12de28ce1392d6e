package io.onboarding.system;

import com.google.auth.Credentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import io.onboarding.google.GoogleApiProperties;
import io.onboarding.google.GoogleEndpoints;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Chooses sandbox or production once, and in production gives the Google clients their endpoints and credentials
 * (in sandbox mode, {@code io.onboarding.sandbox.SandboxModeConfiguration} does).
 */
@Configuration(proxyBeanMethods = false)
class ModeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ModeConfiguration.class);

    /** The machine's zone, as Spring Batch's own timestamps use, so that every time an operator reads agrees. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Bean
    RunMode runMode(Environment environment) {
        RunMode mode = RunMode.resolve(environment);
        if (mode == RunMode.SANDBOX) {
            log.warn("Mode: SANDBOX — no Google credentials are configured; the job talks to the embedded "
                    + "sandbox and orders nothing at Google");
        } else {
            log.info("Mode: PRODUCTION — the job talks to the Google APIs");
        }
        return mode;
    }

    @Bean
    @Conditional(InProductionMode.class)
    GoogleEndpoints googleEndpoints(GoogleApiProperties google) {
        return new GoogleEndpoints(google.resellerBaseUrl(), google.directoryBaseUrl());
    }

    /** Takes the mode so that "Mode: PRODUCTION" is said before a missing key or admin is explained. */
    @Bean
    @Conditional(InProductionMode.class)
    Credentials googleCredentials(RunMode mode, GoogleApiProperties google, Environment environment) {
        if (google.delegatedAdmin() == null || google.delegatedAdmin().isBlank()) {
            throw new ConfigurationProblem("Production mode, but no reseller admin to impersonate is configured.",
                    "Set onboarding.google.delegated-admin (or ONBOARDING_DELEGATED_ADMIN) to the reseller admin "
                            + "the service account acts for, e.g. admin@reseller.example.", null);
        }
        String fromEnvironment = environment.getProperty(RunMode.CREDENTIALS_ENV);
        if (google.credentialsFile() == null && (fromEnvironment == null || fromEnvironment.isBlank())) {
            throw new ConfigurationProblem("Production mode, but no Google service-account key file is configured.",
                    "Set onboarding.google.credentials-file or " + RunMode.CREDENTIALS_ENV + " to the JSON key of a "
                            + "service account with domain-wide delegation, or run with --onboarding.mode=sandbox.",
                    null);
        }
        Path keyFile = google.credentialsFile() != null ? google.credentialsFile() : Path.of(fromEnvironment);
        try (InputStream in = Files.newInputStream(keyFile)) {
            ServiceAccountCredentials account = ServiceAccountCredentials.fromStream(in);
            if (google.tokenUri() != null && !google.tokenUri().isBlank()) {
                account = account.toBuilder().setTokenServerUri(URI.create(google.tokenUri())).build();
            }
            return account.createScoped(google.scopes()).createDelegated(google.delegatedAdmin());
        } catch (IOException e) {
            // The exception text of a malformed key file may quote it: name the file and the kind of error only.
            throw new ConfigurationProblem("Cannot read the Google service-account key file "
                    + keyFile.toAbsolutePath() + " (" + e.getClass().getSimpleName() + ").",
                    "Point onboarding.google.credentials-file or " + RunMode.CREDENTIALS_ENV + " at the JSON key "
                            + "of a service account with domain-wide delegation, readable by this user.", null);
        }
    }
}
