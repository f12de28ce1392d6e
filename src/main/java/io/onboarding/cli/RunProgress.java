package io.onboarding.cli;

import io.onboarding.ledger.RowResultRepository;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
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
    private final long started = System.nanoTime();
    private final Thread thread;
    private volatile boolean running = true;

    RunProgress(PrintStream out, long total, boolean terminal, Duration interval, LongSupplier done) {
        this.out = out;
        this.total = total;
        this.terminal = terminal;
        this.interval = terminal ? Duration.ofSeconds(1) : interval;
        this.done = done;
        this.thread = new Thread(this::loop, "run-progress");
        thread.setDaemon(true);
    }

    /** Starts showing progress of the run whose id {@code runId} answers once the run has one. */
    static RunProgress start(PrintStream out, long total, Duration interval, java.util.function.Supplier<Long> runId,
            RowResultRepository results) {
        RunProgress progress = new RunProgress(out, total, System.console() != null, interval, () -> {
            Long id = runId.get();
            return id == null ? 0 : results.countByOutcome(id).values().stream().mapToLong(Integer::longValue).sum();
        });
        progress.thread.start();
        return progress;
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (running) {
                try {
                    print(done.getAsLong(), false);
                } catch (RuntimeException e) {
                    // Progress is a courtesy: a busy database must not disturb the run.
                }
            }
        }
    }

    String line(long rows) {
        double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
        double rate = rows / seconds;
        String eta = rate <= 0 || rows >= total ? "--:--" : clock((long) ((total - rows) / rate));
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

    private static String clock(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        if (terminal) {
            try {
                print(done.getAsLong(), true);
            } catch (RuntimeException e) {
                out.println();
            }
        }
    }
}
