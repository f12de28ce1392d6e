package io.onboarding.job;

import io.onboarding.csv.CustomerCsvFile;
import io.onboarding.report.ReportFiles;
import io.onboarding.report.RunReportWriter;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Last step of a run: writes results.csv and rejects.csv and leaves their path in the job's context. */
class WriteReportTasklet implements Tasklet {

    /** Key, in the job execution context, of the results.csv path. */
    static final String RESULTS_PATH = "report.results";

    private static final Logger log = LoggerFactory.getLogger(WriteReportTasklet.class);

    private final RunReportWriter reports;
    private final Path input;
    private final Path folder;
    private final boolean dryRun;

    WriteReportTasklet(RunReportWriter reports, Path input, Path folder, boolean dryRun) {
        this.reports = reports;
        this.input = input;
        this.folder = folder;
        this.dryRun = dryRun;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        log.info("Writing the reports into {}", folder);
        Path results;
        if (dryRun) {
            // Its rows are in the files already (DryRunReportWriter): they only get their names.
            results = ReportFiles.publish(folder);
        } else {
            // rejects.csv gives rows back in the input's own columns and separator, ready to fix and re-submit.
            try (CustomerCsvFile file = CustomerCsvFile.open(input)) {
                results = reports.write(runId, folder, file.headerCells(), file.separator());
            }
        }
        chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                .putString(RESULTS_PATH, results.toAbsolutePath().toString());
        return RepeatStatus.FINISHED;
    }
}
