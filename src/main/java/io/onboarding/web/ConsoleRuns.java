package io.onboarding.web;

import io.onboarding.csv.CustomerCsvFile;
import io.onboarding.job.RunSummaries;
import io.onboarding.job.RunSummary;
import io.onboarding.ledger.Outcome;
import io.onboarding.ledger.RowResultRepository;
import io.onboarding.logging.LogText;
import io.onboarding.runs.FileRuns;
import io.onboarding.runs.RunAnswer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/** Runs started from the console, in the background, and what the pages show of any run. */
@Component
public class ConsoleRuns implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsoleRuns.class);
    /** How far back runs of an upload are looked for. */
    private static final int SEARCHED = 1_000;

    private final FileRuns fileRuns;
    private final RunSummaries summaries;
    private final RowResultRepository results;
    private final ThreadPoolTaskExecutor background = new ThreadPoolTaskExecutor();
    private final Map<String, Long> rowsByFile = new ConcurrentHashMap<>();
    /** How each upload's background start ended when it started nothing (refused), for its page to say. */
    private final Map<String, RunAnswer> refusedStarts = new ConcurrentHashMap<>();

    private final Clock clock;

    ConsoleRuns(FileRuns fileRuns, RunSummaries summaries, RowResultRepository results, Clock clock) {
        this.clock = clock;
        this.fileRuns = fileRuns;
        this.summaries = summaries;
        this.results = results;
        background.setCorePoolSize(2);
        background.setThreadNamePrefix("console-run-");
        // A shutdown first asks the runs to stop at a checkpoint (the run service does, before this closes);
        // then the threads are let finish recording that instead of being killed mid-chunk.
        background.setWaitForTasksToCompleteOnShutdown(true);
        background.setAwaitTerminationSeconds(30);
        background.initialize();
    }

    /** The validation preview: a dry run, at once (no call to Google); its problem when the file is unusable. */
    public RunAnswer preview(Upload upload) {
        return fileRuns.run(upload.file(), true);
    }

    public void start(Upload upload, String operator) {
        log.info("Console: operator {} started the run of {} ({})", operator, LogText.escape(upload.originalName()),
                upload.id());
        refusedStarts.remove(upload.id());
        background.execute(() -> {
            RunAnswer answer = fileRuns.run(upload.file(), false);
            if (!(answer instanceof RunAnswer.Ran)) {
                refusedStarts.put(upload.id(), answer);
            }
        });
    }

    /** Restarts a run in the background; why not, when it cannot be restarted (nothing is started then). */
    public Optional<String> restart(long runId, String operator) {
        String refusal = fileRuns.restartRefusal(runId);
        if (refusal != null) {
            log.info("Console: operator {} asked to restart run {}: refused: {}", operator, runId, refusal);
            return Optional.of(refusal);
        }
        log.info("Console: operator {} restarted run {}", operator, runId);
        background.execute(() -> fileRuns.restart(runId));
        return Optional.empty();
    }

    public String stop(long runId, String operator) {
        log.info("Console: operator {} stopped run {}", operator, runId);
        var answer = fileRuns.stop(runId);
        return answer.problem();
    }

    /** Why the last start of an upload started nothing (e.g. the file was already processed completely). */
    public Optional<RunAnswer> refusedStart(Upload upload) {
        return Optional.ofNullable(refusedStarts.get(upload.id()));
    }

    /** The latest run (dry or real) of an uploaded file. */
    public Optional<RunSummary> latestOf(Upload upload, boolean dryRun) {
        String file = upload.file().toAbsolutePath().normalize().toString();
        return summaries.latest(SEARCHED).stream()
                .filter(run -> file.equals(run.inputFile()) && run.dryRun() == dryRun).findFirst();
    }

    /** What the progress of a run looks like now. */
    public Progress progress(RunSummary run) {
        long total = rowsByFile.computeIfAbsent(run.inputFile(), file -> {
            try {
                return (long) CustomerCsvFile.inspect(Path.of(file)).rows();
            } catch (RuntimeException e) {
                return 0L;
            }
        });
        long done = run.rows();
        LocalDateTime end = run.endTime() != null ? run.endTime() : LocalDateTime.now(clock);
        double seconds = run.startTime() == null ? 0 : Math.max(0.001, Duration.between(run.startTime(), end).toMillis()
                / 1000.0);
        Map<String, Integer> counts = new LinkedHashMap<>();
        run.counts().forEach((outcome, count) -> {
            if (count > 0) {
                counts.put(outcome.name(), count);
            }
        });
        return new Progress(run.runId(), run.status().name(), !run.status().isRunning(), done, total,
                seconds == 0 ? 0 : Math.round(done / seconds * 10) / 10.0, counts, results.retries(run.runId()),
                run.rowsToFix());
    }

    /**
     * A run's progress as the page shows it (and its script reads as JSON).
     *
     * @param finished the run ended: completed, failed or stopped
     */
    public record Progress(long runId, String status, boolean finished, long done, long total, double rowsPerSecond,
            Map<String, Integer> counts, long retries, int rowsToFix) {

        public int percent() {
            return total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
        }
    }

    static boolean isOutcome(String name) {
        try {
            Outcome.valueOf(name);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    @Override
    public void close() {
        background.shutdown();
    }
}
