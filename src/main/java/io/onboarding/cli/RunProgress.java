package io.onboarding.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Shows a running job's progress from its recorded outcomes: a bar redrawn every second on a terminal,
 * or a plain line every interval when the output goes to a log (cron).
 */
final class RunProgress implements AutoCloseable {

    private static final int BAR = 30;

    private final PrintStream out;
    private final long total;
    private final boolean terminal;
    private final Duration interval;
    private final LongSupplier done;
    private final Clock clock;
    private final Instant started;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "run-progress");
        thread.setDaemon(true);
        return thread;
    });

    RunProgress(PrintStream out, long total, boolean terminal, Duration interval, Clock clock, LongSupplier done) {
        this.out = out;
        this.clock = clock;
        this.started = clock.instant();
        this.total = total;
        this.terminal = terminal;
        this.interval = terminal ? Duration.ofSeconds(1) : interval;
        this.done = done;
    }

    /** Starts showing progress: {@code done} answers how many rows have an outcome so far. */
    static RunProgress start(PrintStream out, long total, Duration interval, Clock clock, LongSupplier done) {
        RunProgress progress = new RunProgress(out, total, System.console() != null, interval, clock, done);
        progress.ticks.scheduleAtFixedRate(progress::tick, progress.interval.toMillis(), progress.interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return progress;
    }

    private void tick() {
        try {
            print(done.getAsLong(), false);
        } catch (RuntimeException e) {
            // Progress is a courtesy: a busy database must not disturb the run.
        }
    }

    String line(long rows) {
        double seconds = Math.max(0.001, Duration.between(started, clock.instant()).toMillis() / 1e3);
        double rate = rows / seconds;
        String eta = rate <= 0 || rows >= total ? "--:--" : hms((long) ((total - rows) / rate));
        String figures = String.format(Locale.ROOT, "%d/%d rows (%d%%), %.1f rows/s, ETA %s", rows, total,
                total == 0 ? 100 : rows * 100 / total, rate, eta);
        if (!terminal) {
            return "Progress: " + figures;
        }
        int filled = total == 0 ? BAR : (int) (BAR * Math.min(rows, total) / total);
        return "\r[" + "#".repeat(filled) + " ".repeat(BAR - filled) + "] " + figures;
    }

    private void print(long rows, boolean last) {
        String line = line(rows);
        if (terminal) {
            out.print(line + (last ? System.lineSeparator() : ""));
            out.flush();
        } else {
            out.println(line);
        }
    }

    private static String hms(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }

    @Override
    public void close() {
        ticks.shutdownNow();
        if (terminal) {
            try {
                print(done.getAsLong(), true);
            } catch (RuntimeException e) {
                out.println();
            }
        }
    }
}
