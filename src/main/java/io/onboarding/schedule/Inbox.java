package io.onboarding.schedule;

import io.onboarding.logging.LogText;
import io.onboarding.provisioning.Sleeper;
import io.onboarding.report.RunReportWriter;
import io.onboarding.runs.FileRuns;
import io.onboarding.runs.RunAnswer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;

/**
 * The inbox folder's lifecycle: each CSV moves to {@code processing/} while it runs, then to {@code done/}
 * (finished, with or without rows to fix) or {@code failed/} (unusable, or the run failed), with its
 * report beside it. A file still being written is left for the next tick; a file left in
 * {@code processing/} by a killed process is resumed first.
 */
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final InboxProperties properties;
    private final FileRuns runs;

    private final Clock clock;
    private final Sleeper sleeper;
    private final InboxFileLocks locks;

    Inbox(InboxProperties properties, FileRuns runs, Clock clock, Sleeper sleeper, InboxFileLocks locks) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.locks = locks;
        this.properties = properties;
        this.runs = runs;
    }

    /** One tick: resumes interrupted files, then runs every settled CSV in name order. */
    public synchronized List<Path> processAll() {
        Path inbox = properties.dir();
        List<Path> finished = new ArrayList<>();
        try {
            Files.createDirectories(folder("processing"));
            for (Path interrupted : csvFiles(folder("processing"))) {
                // Held by another instance: that instance is running it.
                locks.whileHolding(interrupted.getFileName().toString(), () -> resume(interrupted))
                        .ifPresent(finished::add);
            }
            for (Path file : settled(csvFiles(inbox))) {
                locks.whileHolding(file.getFileName().toString(), () -> run(file)).ifPresent(finished::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Inbox " + inbox.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        return finished;
    }

    /** A file left in processing/ by an interrupted run, resumed; null when another instance finished it meanwhile. */
    private Path resume(Path interrupted) {
        if (!Files.isRegularFile(interrupted)) {
            return null;
        }
        log.info("Inbox: resuming {}, left in processing/ by an interrupted run", LogText.escape(interrupted.getFileName()));
        try {
            return finish(interrupted, runs.run(interrupted, false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A settled file moved to processing/ and run; null when another instance took it meanwhile. */
    private Path run(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            Path processing = folder("processing").resolve(file.getFileName());
            Files.move(file, processing, StandardCopyOption.ATOMIC_MOVE);
            log.info("Inbox: running {}", LogText.escape(file.getFileName()));
            return finish(processing, runs.run(processing, false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files whose size and modification time did not change over the settle time. */
    private List<Path> settled(List<Path> files) throws IOException {
        if (files.isEmpty()) {
            return files;
        }
        Map<Path, String> before = new LinkedHashMap<>();
        for (Path file : files) {
            before.put(file, fingerprint(file));
        }
        try {
            sleeper.sleep(properties.settleTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        List<Path> settled = new ArrayList<>();
        for (Map.Entry<Path, String> entry : before.entrySet()) {
            Path file = entry.getKey();
            if (Files.isRegularFile(file) && fingerprint(file).equals(entry.getValue())) {
                settled.add(file);
            } else {
                log.info("Inbox: {} is still being written; left for the next tick", LogText.escape(file.getFileName()));
            }
        }
        return settled;
    }

    private Path finish(Path processing, RunAnswer answer) throws IOException {
        if (answer instanceof RunAnswer.StillRunning || answer instanceof RunAnswer.Ran ran
                && ran.summary().status() != BatchStatus.COMPLETED) {
            // Left in processing/: the next tick resumes it from its checkpoint under the same name.
            log.warn("Inbox: {} did not finish{}; it stays in processing/ and is resumed on the next tick",
                    LogText.escape(processing.getFileName()),
                    answer.problem() == null ? "" : " (" + LogText.escape(answer.problem()) + ")");
            return processing;
        }
        // Finished, with or without rows to fix, or finished earlier: done. Not started (unusable): failed.
        boolean done = answer instanceof RunAnswer.Ran || answer instanceof RunAnswer.AlreadyComplete;
        Path target = free(folder(done ? "done" : "failed"), processing.getFileName().toString());
        Files.move(processing, target, StandardCopyOption.ATOMIC_MOVE);
        String base = target.getFileName().toString().replaceFirst("(?i)\\.csv$", "");
        if (answer.summary() != null && answer.summary().resultsFile() != null) {
            Path results = Path.of(answer.summary().resultsFile());
            Files.copy(results, target.resolveSibling(base + ".results.csv"), StandardCopyOption.REPLACE_EXISTING);
            Path rejects = results.resolveSibling(RunReportWriter.REJECTS_FILE);
            if (answer.summary().rowsToFix() > 0 && Files.exists(rejects)) {
                Files.copy(rejects, target.resolveSibling(base + ".rejects.csv"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (answer.problem() != null) {
            Files.writeString(target.resolveSibling(base + ".error.txt"), answer.problem() + System.lineSeparator());
        }
        log.info("Inbox: {} -> {} ({})", LogText.escape(processing.getFileName()),
                LogText.escape(properties.dir().relativize(target)), answer.getClass().getSimpleName());
        return target;
    }

    private Path folder(String name) throws IOException {
        return Files.createDirectories(properties.dir().resolve(name));
    }

    /** The name in the folder, or, when a file of that name is already there, the name with a time stamp. */
    private Path free(Path folder, String name) {
        Path target = folder.resolve(name);
        if (!Files.exists(target)) {
            return target;
        }
        return folder.resolve(name.replaceFirst("(?i)(\\.csv)?$", "-" + STAMP.format(LocalDateTime.now(clock)) + "$1"));
    }

    private static List<Path> csvFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .filter(file -> file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv"))
                    .sorted()
                    .toList();
        }
    }

    private static String fingerprint(Path file) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        return Files.size(file) + "@" + modified.toMillis();
    }
}
