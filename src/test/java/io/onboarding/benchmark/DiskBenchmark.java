package io.onboarding.benchmark;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * 7: the disk a run takes — the database's growth per 10,000 dry-run rows, and database plus report folder per
 * 1,000 rows of a real run (notices as outbox files, as without SMTP) — measured on the files themselves: the
 * database closed as a finished command leaves it, and at its largest while the run went on (H2 keeps what it
 * rewrote for a while); files in the 4 KiB blocks they take.
 */
final class DiskBenchmark {

    private static final String HEADER = "customerDomain,organizationName,contactName,postalCode,countryCode,"
            + "alternateEmail,adminGivenName,adminFamilyName\n";

    private final Path root;

    DiskBenchmark(Path root) {
        this.root = root;
    }

    /** The lines of the benchmark's table. */
    List<String> run() throws Exception {
        Path dryDir = root.resolve("s7-dry");
        Growth dry = measure(dryDir, file("s7-dry", 10_000), true);
        Growth real = measure(root.resolve("s7-real"), file("s7-real", 1_000), false);
        String dryLine = String.format(Locale.ROOT, "7 disk: dry run, 10,000 rows (%s file): database +%s "
                + "(+%s at most while running), reports %s", megabytes(dry.input()), megabytes(dry.database()),
                megabytes(dry.databasePeak()), megabytes(dry.reports()));
        String realLine = String.format(Locale.ROOT, "7 disk: real run, 1,000 rows (%s file): database +%s "
                + "(+%s at most while running), reports %s, notices %s, together %s", megabytes(real.input()),
                megabytes(real.database()), megabytes(real.databasePeak()), megabytes(real.reports()),
                megabytes(real.notices()), megabytes(real.database() + real.reports() + real.notices()));
        System.out.println(dryLine);
        System.out.println(realLine);
        return List.of(dryLine, realLine);
    }

    /** What one run added on disk, in bytes: the database once closed, and at its largest while the run went on. */
    private record Growth(long input, long database, long databasePeak, long reports, long notices) {
    }

    /** The largest size of a file while it is sampled (H2 compacts its file when the database closes). */
    private static final class PeakSize implements AutoCloseable {
        private volatile boolean running = true;
        private volatile long peak;
        private final Thread thread;

        PeakSize(Path file) {
            thread = new Thread(() -> {
                while (running) {
                    try {
                        peak = Math.max(peak, Files.size(file));
                        Thread.sleep(10);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
        }
    }

    /** The run of {@code file} in a database of its own, measured against the database a first start leaves. */
    private static Growth measure(Path dir, Path file, boolean dryRun) throws Exception {
        Path database = dir.resolve("db/onboarding.mv.db");
        try (BenchmarkContext first = new BenchmarkContext(dir, Map.of())) {
            // a first start: the tables, nothing else
        }
        long empty = Files.size(database);
        PeakSize peak = new PeakSize(database);
        try (BenchmarkContext context = new BenchmarkContext(dir, Map.of()); peak) {
            context.run(file, dryRun);
        }
        return new Growth(Files.size(file), Files.size(database) - empty, peak.peak - empty,
                size(dir.resolve("reports"), false), size(dir.resolve("reports"), true));
    }

    /** Rows like a real file's, one in five invalid (a postal code the country does not have). */
    private Path file(String name, int rows) throws IOException {
        Path file = root.resolve(name + ".csv");
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write(HEADER);
            for (int i = 0; i < rows; i++) {
                out.write(String.format(Locale.ROOT, "%s-%06d.com,Bench Consulting GmbH & Co. KG,Kim Kunde,%s,DE,"
                        + "it-department@example.com,Kim,Kunde%n", name, i, i % 5 == 0 ? "ABC" : "10115"));
            }
        }
        return file;
    }

    /** What the files under {@code folder} take on disk, in 4 KiB blocks: the notices' outbox, or the rest. */
    private static long size(Path folder, boolean notices) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().contains("/outbox/") == notices)
                    .mapToLong(file -> (file.toFile().length() + 4095) / 4096 * 4096).sum();
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
    }
}
