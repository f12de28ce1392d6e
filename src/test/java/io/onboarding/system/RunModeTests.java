package io.onboarding.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.onboarding.OnboardingApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

class RunModeTests {

    @TempDir
    Path tmp;

    @Test
    void withoutCredentialsTheSandboxIsUsed() {
        assertThat(RunMode.resolve(new MockEnvironment())).isEqualTo(RunMode.SANDBOX);
    }

    @Test
    void configuredCredentialsMeanProductionWhetherByPropertyOrEnvironment() {
        assertThat(RunMode.resolve(new MockEnvironment()
                .withProperty("onboarding.google.credentials-file", "/keys/sa.json"))).isEqualTo(RunMode.PRODUCTION);
        assertThat(RunMode.resolve(new MockEnvironment()
                .withProperty("GOOGLE_APPLICATION_CREDENTIALS", "/keys/sa.json"))).isEqualTo(RunMode.PRODUCTION);
    }

    @Test
    void anExplicitModeWins() {
        assertThat(RunMode.resolve(new MockEnvironment().withProperty("onboarding.mode", "sandbox")
                .withProperty("GOOGLE_APPLICATION_CREDENTIALS", "/keys/sa.json"))).isEqualTo(RunMode.SANDBOX);
        assertThat(RunMode.resolve(new MockEnvironment().withProperty("onboarding.mode", "production")))
                .isEqualTo(RunMode.PRODUCTION);
    }

    @Test
    void anUnreadableKeyFileStopsTheStartWithExitCode2AndNamesTheFile() throws Exception {
        Path notAKey = Files.writeString(tmp.resolve("key.json"), "{\"private_key\": \"not really\"");

        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(OnboardingApplication.class).run(
                "--onboarding.google.credentials-file=" + notAKey,
                "--onboarding.google.delegated-admin=admin@reseller.example",
                "--spring.datasource.url=jdbc:h2:mem:mode-test"));

        ConfigurationProblem problem = findProblem(failure);
        assertThat(io.onboarding.cli.OnboardingCommandLine.execute("history",
                "--onboarding.google.credentials-file=" + notAKey,
                "--onboarding.google.delegated-admin=admin@reseller.example",
                "--spring.datasource.url=jdbc:h2:mem:mode-test-4")).isEqualTo(2);
        assertThat(problem.getMessage()).contains(notAKey.toString()).doesNotContain("not really");
        assertThat(problem.action()).contains("onboarding.google.credentials-file");
    }

    @Test
    void aKeyFileThatDoesNotExistStopsTheStartWithExitCode2AndNamesTheFile() {
        Path missing = tmp.resolve("no-such-key.json");

        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(OnboardingApplication.class).run(
                "--onboarding.mode=production", "--onboarding.google.credentials-file=" + missing,
                "--onboarding.google.delegated-admin=admin@reseller.example",
                "--spring.datasource.url=jdbc:h2:mem:mode-test-3", "--onboarding.cli.enabled=false"));

        ConfigurationProblem problem = findProblem(failure);
        assertThat(problem.getMessage()).contains(missing.toString(), "NoSuchFileException");
        assertThat(problem.action()).contains("onboarding.google.credentials-file", "domain-wide delegation");
    }

    @Test
    void productionWithoutADelegatedAdminSaysWhatToSet() {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(OnboardingApplication.class).run(
                "--onboarding.mode=production", "--spring.datasource.url=jdbc:h2:mem:mode-test-2"));

        assertThat(findProblem(failure).action()).contains("onboarding.google.delegated-admin");
    }

    private static ConfigurationProblem findProblem(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConfigurationProblem problem) {
                return problem;
            }
        }
        throw new AssertionError("no ConfigurationProblem in " + failure);
    }
}
