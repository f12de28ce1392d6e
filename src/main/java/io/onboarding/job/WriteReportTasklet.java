package io.onboarding.job;

import io.onboarding.report.RunReportWriter;
import java.nio.file.Path;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Last step of a run: writes the report and leaves its path in the job's context for the caller. */
class WriteReportTasklet implements Tasklet {

    /** Key, in the job execution context, of the results.csv path. */
    static final String RESULTS_PATH = "report.results";

    private final RunReportWriter reports;
    private final Path folder;

    WriteReportTasklet(RunReportWriter reports, Path folder) {
        this.reports = reports;
        this.folder = folder;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        Path results = reports.write(runId, folder);
        chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                .putString(RESULTS_PATH, results.toAbsolutePath().toString());
        return RepeatStatus.FINISHED;
    }
}
