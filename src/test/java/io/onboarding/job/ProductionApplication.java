package io.onboarding.job;

import io.onboarding.OnboardingApplication;
import io.onboarding.google.TestServiceAccount;
import io.onboarding.sandbox.SandboxProperties;
import io.onboarding.sandbox.TestSandbox;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application in production mode, its Google base URLs and its key file's {@code token_uri} pointing at
 * a sandbox this class starts, signing in with a throwaway service-account key: the real auth path from
 * key file to API call. A context of its own per instance, so its cached token starts empty.
 */
final class ProductionApplication implements AutoCloseable {

    static final String ADMIN = "admin@reseller.example";

    final TestSandbox sandbox;
    final TestServiceAccount account = new TestServiceAccount();
    final Path keyFile;
    private final Path dir;
    private final ConfigurableApplicationContext context;

    ProductionApplication(Path dir, String... moreArguments) throws Exception {
        this.dir = dir;
        this.sandbox = TestSandbox.start(new SandboxProperties(0, List.of("already-at-google.com"), List.of(), null, null),
                JsonMapper.builder().build(), Clock.systemUTC());
        try {
            this.keyFile = account.writeKeyFile(dir, sandbox.tokenUri());
            List<String> arguments = new ArrayList<>(List.of("--onboarding.mode=production",
                    "--onboarding.google.credentials-file=" + keyFile,
                    "--onboarding.google.delegated-admin=" + ADMIN,
                    "--onboarding.google.reseller-base-url=" + sandbox.baseUrl(),
                    "--onboarding.google.directory-base-url=" + sandbox.baseUrl(),
                    "--onboarding.report-dir=" + dir.resolve("reports")));
            arguments.addAll(List.of(moreArguments));
            this.context = new SpringApplicationBuilder(OnboardingApplication.class).profiles("test")
                    .run(arguments.toArray(String[]::new));
        } catch (Exception | Error e) {
            sandbox.close();
            throw e;
        }
    }

    /** Runs (or resumes) the job on {@code input}, as the command line does. */
    JobExecution run(Path input) throws Exception {
        return context.getBean(JobOperator.class).start(context.getBean(Job.class),
                OnboardingJobParameters.forFile(input));
    }

    /** The run's summary, as the command line, {@code status} and the console read it. */
    RunSummary summary(JobExecution execution) {
        return context.getBean(RunSummaries.class).of(execution);
    }

    /** A copy of {@code src/test/resources/fixtures/<name>} in this run's folder. */
    Path fixture(String name) throws Exception {
        Path copy = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/fixtures/" + name)) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            sandbox.close();
        }
    }
}
