package io.onboarding.job;

import io.onboarding.csv.CustomerCsvReader;
import io.onboarding.csv.CustomerRow;
import io.onboarding.ledger.DomainClaims;
import io.onboarding.ledger.RunLeases;
import io.onboarding.ledger.ProvisioningRun;
import io.onboarding.ledger.RowResult;
import io.onboarding.ledger.RowResultRepository;
import io.onboarding.notification.CustomerNotices;
import io.onboarding.provisioning.CustomerProvisioner;
import io.onboarding.report.RunReportWriter;
import io.onboarding.system.OnboardingProperties;
import io.onboarding.validation.RowValidator;
import java.nio.file.Path;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code onboardCustomers} job: a tasklet reads the whole file once to find in-file duplicates, a
 * chunk step reads, validates, provisions and records each row (a dry run: writes it into its reports), then a
 * tasklet writes the reports.
 * Each chunk commits the reader's position with the rows' outcomes.
 */
@Configuration(proxyBeanMethods = false)
class OnboardingJobConfiguration {

    static final String JOB_NAME = "onboardCustomers";

    @Bean
    Job onboardCustomersJob(JobRepository jobRepository, Step checkFileStep, Step onboardRowsStep,
            Step sendOwedNoticesStep, Step writeReportStep, ClaimHeartbeat claimHeartbeat) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(new DefaultJobParametersValidator(
                        new String[] {OnboardingJobParameters.INPUT_FILE, OnboardingJobParameters.INPUT_SHA256},
                        new String[] {OnboardingJobParameters.DRY_RUN, OnboardingJobParameters.DRY_RUN_AT}))
                .listener(new RunOwner(jobRepository))
                .listener(claimHeartbeat)
                .listener(new FailureExplanation(jobRepository))
                .start(checkFileStep)
                .next(onboardRowsStep)
                .next(sendOwedNoticesStep)
                .next(writeReportStep)
                .build();
    }

    @Bean
    ClaimHeartbeat claimHeartbeat(DomainClaims claims, RunLeases runLeases, OnboardingProperties properties) {
        return new ClaimHeartbeat(claims, runLeases, execution -> run(properties,
                execution.getJobParameters().getString(OnboardingJobParameters.INPUT_FILE),
                execution.getJobInstance().getInstanceId()));
    }

    @Bean
    Step sendOwedNoticesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            SendOwedNoticesTasklet sendOwedNoticesTasklet) {
        return new StepBuilder("sendOwedNotices", jobRepository)
                .tasklet(sendOwedNoticesTasklet, transactionManager)
                .build();
    }

    @Bean
    Step checkFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            CheckFileTasklet checkFileTasklet) {
        return new StepBuilder("checkFile", jobRepository)
                .tasklet(checkFileTasklet, transactionManager)
                .build();
    }

    /**
     * Reading, checkpointing and writing stay on the step's thread, in file order; only the rows of a chunk
     * are provisioned side by side, so the step restarts exactly as a single-threaded one does.
     */
    @Bean
    Step onboardRowsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            OnboardingProperties properties, CustomerCsvReader customerCsvReader,
            OnboardRowProcessor onboardRowProcessor, ItemStreamWriter<RowResult> rowResultWriter,
            ThreadPoolTaskExecutor onboardingWorkers) {
        ChunkOrientedStepBuilder<CustomerRow, RowResult> step = new StepBuilder("onboardRows", jobRepository)
                .<CustomerRow, RowResult>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(customerCsvReader)
                .processor(onboardRowProcessor)
                .writer(rowResultWriter);
        return properties.workers() > 1 ? step.taskExecutor(onboardingWorkers).build() : step.build();
    }

    @Bean
    ThreadPoolTaskExecutor onboardingWorkers(OnboardingProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.workers());
        executor.setMaxPoolSize(properties.workers());
        executor.setThreadNamePrefix("onboard-worker-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }

    @Bean
    Step writeReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            WriteReportTasklet writeReportTasklet) {
        return new StepBuilder("writeReport", jobRepository)
                .tasklet(writeReportTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    CustomerCsvReader customerCsvReader(@Value("#{jobParameters['input.file']}") String inputFile) {
        return new CustomerCsvReader(Path.of(inputFile));
    }

    @Bean
    @StepScope
    CheckFileTasklet checkFileTasklet(RowValidator validator, @Value("#{jobParameters['input.file']}") String inputFile) {
        return new CheckFileTasklet(validator, Path.of(inputFile));
    }

    @Bean
    @StepScope
    OnboardRowProcessor onboardRowProcessor(RowValidator validator, CustomerProvisioner provisioner,
            CustomerNotices notices, DomainClaims claims, OnboardingProperties properties,
            @Value("#{jobParameters['input.file']}") String inputFile,
            @Value("#{jobExecutionContext['" + CheckFileTasklet.DUPLICATES + "']}") String duplicates,
            @Value("#{jobParameters['" + OnboardingJobParameters.DRY_RUN + "']}") String dryRun,
            @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long runId) {
        return new OnboardRowProcessor(validator, provisioner, notices, claims, run(properties, inputFile, runId),
                CheckFileTasklet.decode(duplicates), Boolean.parseBoolean(dryRun));
    }

    @Bean
    @StepScope
    SendOwedNoticesTasklet sendOwedNoticesTasklet(CustomerNotices notices, OnboardingProperties properties,
            @Value("#{jobParameters['input.file']}") String inputFile,
            @Value("#{jobParameters['" + OnboardingJobParameters.DRY_RUN + "']}") String dryRun,
            @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long runId) {
        return new SendOwedNoticesTasklet(notices, Boolean.parseBoolean(dryRun), run(properties, inputFile, runId));
    }

    /** A real run records each row's outcome; a dry run writes its reports as it goes and keeps counts. */
    @Bean
    @StepScope
    ItemStreamWriter<RowResult> rowResultWriter(RowResultRepository repository, OnboardingProperties properties,
            @Value("#{jobParameters['input.file']}") String inputFile,
            @Value("#{jobParameters['" + OnboardingJobParameters.DRY_RUN + "']}") String dryRun,
            @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long runId) {
        return Boolean.parseBoolean(dryRun)
                ? new DryRunReportWriter(repository, runId, Path.of(inputFile),
                        reportFolder(properties.reportDir(), Path.of(inputFile), runId))
                : new RowResultWriter(repository, runId);
    }

    @Bean
    @StepScope
    WriteReportTasklet writeReportTasklet(RunReportWriter reports, OnboardingProperties properties,
            @Value("#{jobParameters['input.file']}") String inputFile,
            @Value("#{jobParameters['" + OnboardingJobParameters.DRY_RUN + "']}") String dryRun,
            @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long runId) {
        return new WriteReportTasklet(reports, Path.of(inputFile),
                reportFolder(properties.reportDir(), Path.of(inputFile), runId), Boolean.parseBoolean(dryRun));
    }

    /** The run as the ledger and the domain claims know it: its id, its report folder, this process. */
    static ProvisioningRun run(OnboardingProperties properties, String inputFile, long runId) {
        return ProvisioningRun.of(runId, reportFolder(properties.reportDir(), Path.of(inputFile), runId));
    }

    /** {@code <report-dir>/<input name without .csv>-run<id>}: one folder per run, named after it. */
    static Path reportFolder(Path reportDir, Path input, long runId) {
        String name = input.getFileName().toString().replaceFirst("(?i)\\.csv$", "");
        return reportDir.resolve(name + "-run" + runId);
    }
}
