package io.onboarding.benchmark;

import io.onboarding.google.DirectoryClient;
import io.onboarding.google.ResellerClient;
import io.onboarding.sandbox.SandboxLoad;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Throughput against the embedded sandbox, scenario by scenario, in one process; prints a table.
 * Run with {@code ./mvnw -Pbenchmark test-compile exec:exec} (see docs/benchmarks.md).
 */
public final class OnboardingBenchmark {

    private static final String HEADER = "customerDomain,organizationName,contactName,postalCode,countryCode,"
            + "alternateEmail,adminGivenName,adminFamilyName\n";
    private static final int WORKERS = 16;

    private final Path root;
    private final List<String> table = new ArrayList<>();

    private OnboardingBenchmark(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        OnboardingBenchmark benchmark = new OnboardingBenchmark(Files.createTempDirectory("onboarding-benchmark"));
        benchmark.table.add(String.format("%-44s %6s %8s %8s %8s %7s %8s %7s %6s %5s", "scenario", "rows", "seconds",
                "rows/s", "bound", "of bnd", "requests", "429s", "failed", "dups"));
        // Arguments pick scenarios (1 = latency-bound, 2 = quota-bound, 3 = faults, 5 = dry run,
        // 6 = over-configured limits, 7 = disk per dry-run and real row, only when named); none runs 1 to 6.
        // One argument may list several, comma-separated ("2,6"); "all" is the Maven profile's default.
        List<String> only = java.util.Arrays.stream(args).flatMap(arg -> java.util.Arrays.stream(arg.split(",")))
                .map(String::trim).filter(arg -> !arg.isEmpty() && !arg.equals("all")).toList();
        if (only.isEmpty() || only.contains("1")) {
            benchmark.latencyBound();
        }
        if (only.isEmpty() || only.contains("2")) {
            benchmark.quotaBound(false);
        }
        if (only.isEmpty() || only.contains("3")) {
            benchmark.quotaBound(true);
        }
        if (only.isEmpty() || only.contains("6")) {
            benchmark.overConfigured();
        }
        if (only.isEmpty() || only.contains("5")) {
            benchmark.dryRunOverhead(only.contains("small") ? 100_000 : 1_000_000);
        }
        if (only.contains("7")) {
            benchmark.table.addAll(new DiskBenchmark(benchmark.root).run());
        }
        benchmark.table.forEach(System.out::println);
        System.exit(0);
    }

    /** 1 and 4: 2,000 domain customers, 50 ms per call, no quota; one worker; a GAM-like client. */
    private void latencyBound() throws Exception {
        Duration latency = Duration.ofMillis(50);
        double callsPerCustomer = 3;
        double bound = WORKERS / (callsPerCustomer * latency.toMillis() / 1000.0);
        try (BenchmarkContext run = new BenchmarkContext(root.resolve("s1"), properties(WORKERS, 16 * WORKERS, 0, 0))) {
            run.sandbox.load().latency(latency, Duration.ZERO);
            report("1 latency-bound, " + WORKERS + " workers", run.run(file("s1", 2_000)), bound);
        }
        // Half the workers: how much of the shortfall is 16 threads sharing 2 cores with the sandbox.
        try (BenchmarkContext run = new BenchmarkContext(root.resolve("s1-half"),
                properties(WORKERS / 2, 8 * WORKERS, 0, 0))) {
            run.sandbox.load().latency(latency, Duration.ZERO);
            report("1 latency-bound, " + WORKERS / 2 + " workers", run.run(file("s1-half", 2_000)), bound / 2);
        }
        try (BenchmarkContext run = new BenchmarkContext(root.resolve("s1-one"), properties(1, 20, 0, 0))) {
            run.sandbox.load().latency(latency, Duration.ZERO);
            report("4 baseline: 1 worker (200-row sample)", run.run(file("s1-one", 200)),
                    1 / (callsPerCustomer * latency.toMillis() / 1000.0));
        }
        gamLike("4 baseline: GAM-like, 5 workers (400 rows)", "s1-gam", 400, load -> load.latency(latency, Duration.ZERO),
                5 / (callsPerCustomer * latency.toMillis() / 1000.0));
    }

    /** 2, 3 and 4: quotas of 10 req/s Reseller and 20 req/s Directory, 20 ms per call, 600 customers. */
    private void quotaBound(boolean faults) throws Exception {
        double bound = Math.min(10 / 1.0, 20 / 2.0);
        String name = faults ? "3 faults: 2 + 5% 503s, 1% ambiguous" : "2 quota-bound, " + WORKERS + " workers";
        try (BenchmarkContext run = new BenchmarkContext(root.resolve(faults ? "s3" : "s2"),
                properties(WORKERS, 4 * WORKERS, 600, 1_200))) {
            quotas(run.sandbox.load());
            if (faults) {
                run.sandbox.load().failures(0.05, 0.01, 7);
            }
            report(name, run.run(file(faults ? "s3" : "s2", 600)), bound);
        }
        if (!faults) {
            try (BenchmarkContext run = new BenchmarkContext(root.resolve("s2-one"), properties(1, 20, 600, 1_200))) {
                quotas(run.sandbox.load());
                report("4 baseline: 1 worker (100-row sample)", run.run(file("s2-one", 100)),
                        Math.min(bound, 1 / (3 * 0.020)));
            }
            gamLike("4 baseline: GAM-like, 5 workers (150 rows)", "s2-gam", 150, OnboardingBenchmark::quotas, bound);
        }
    }

    /**
     * 6: the operator configured 100,000 requests per minute per API, far above what Google grants (10 req/s
     * Reseller, 20 req/s Directory): the shared limiter has to learn the real rate from Google's 429s.
     */
    private void overConfigured() throws Exception {
        double bound = Math.min(10 / 1.0, 20 / 2.0);
        int workers = 8;
        try (BenchmarkContext run = new BenchmarkContext(root.resolve("s6"),
                properties(workers, 4 * workers, 100_000, 100_000))) {
            quotas(run.sandbox.load());
            report("6 over-configured: 100,000/min, " + workers + " workers", run.run(file("s6", 600)), bound);
            String windows = run.throttledPerWindow(Duration.ofSeconds(10)).stream()
                    .map(share -> String.format(Locale.ROOT, "%.1f%%", 100 * share))
                    .collect(java.util.stream.Collectors.joining(" "));
            System.out.println("   429 share per 10 s: " + windows);
            table.add("   (6) 429 share per 10 s: " + windows);
        }
    }

    /** 5: a large dry run — no API call — beside a bare opencsv parse of the same file, and the peak heap. */
    private void dryRunOverhead(int rows) throws Exception {
        Path file = root.resolve("s5.csv");
        try (java.io.Writer out = Files.newBufferedWriter(file)) {
            out.write(HEADER);
            for (int i = 0; i < rows; i++) {
                out.write(String.format("dry-%07d.com,Bench GmbH,Kim Kunde,10115,DE,it@example.com,Kim,Kunde%n", i));
            }
        }
        long start = System.nanoTime();
        long parsed = 0;
        try (java.io.Reader reader = Files.newBufferedReader(file);
                com.opencsv.CSVReader csv = new com.opencsv.CSVReaderBuilder(reader)
                        .withCSVParser(new com.opencsv.RFC4180ParserBuilder().build()).build()) {
            while (csv.readNext() != null) {
                parsed++;
            }
        }
        double bareRowsPerSecond = (parsed - 1) / ((System.nanoTime() - start) / 1e9);
        try (BenchmarkContext run = new BenchmarkContext(root.resolve("s5"), properties(4, 1_000, 0, 0));
                HeapSampler heap = new HeapSampler()) {
            BenchmarkContext.Outcome outcome = run.run(file, true);
            report(String.format(Locale.ROOT, "5 dry run, peak heap %d MB (bare parse/s)", heap.peakMegabytes()),
                    outcome, bareRowsPerSecond);
            // The ceiling of any validating dry run: parse and validate each row once, nothing else.
            io.onboarding.validation.RowValidator validator = run.bean(io.onboarding.validation.RowValidator.class);
            long validated = 0;
            long validStart = System.nanoTime();
            try (io.onboarding.csv.CustomerCsvFile csv = io.onboarding.csv.CustomerCsvFile.open(file)) {
                for (io.onboarding.csv.CustomerRow row = csv.next(); row != null; row = csv.next()) {
                    validated += validator.validate(row).isValid() ? 1 : 0;
                }
            }
            double validSeconds = (System.nanoTime() - validStart) / 1e9;
            report("5 parse + validate only, no job (bare/s)",
                    new BenchmarkContext.Outcome((int) validated, validSeconds, Map.of("VALID", (int) validated), 0, 0,
                            0, 0), bareRowsPerSecond);
        }
    }

    /** Samples the used heap every 10 ms: the peak a run really needed, not a pool's high-water mark. */
    private static final class HeapSampler implements AutoCloseable {
        private volatile boolean running = true;
        private volatile long peak;
        private final Thread thread = new Thread(() -> {
            Runtime runtime = Runtime.getRuntime();
            while (running) {
                peak = Math.max(peak, runtime.totalMemory() - runtime.freeMemory());
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        HeapSampler() {
            System.gc();
            thread.setDaemon(true);
            thread.start();
        }

        long peakMegabytes() {
            return peak / (1024 * 1024);
        }

        @Override
        public void close() {
            running = false;
        }
    }

    private static void quotas(SandboxLoad load) {
        load.latency(Duration.ofMillis(20), Duration.ZERO).quota(SandboxLoad.Api.RESELLER, 10)
                .quota(SandboxLoad.Api.DIRECTORY, 20);
    }

    private void gamLike(String name, String dir, int rows, java.util.function.Consumer<SandboxLoad> load, double bound)
            throws Exception {
        try (BenchmarkContext run = new BenchmarkContext(root.resolve(dir), properties(1, 20, 0, 0))) {
            load.accept(run.sandbox.load());
            List<String> domains = IntStream.range(0, rows).mapToObj(i -> String.format("gam-%05d.com", i)).toList();
            GamLikeClient client = new GamLikeClient(run.bean(ResellerClient.class), run.bean(DirectoryClient.class));
            long start = System.nanoTime();
            int failed = client.run(domains, 5);
            double seconds = (System.nanoTime() - start) / 1e9;
            report(name, run.outcome(rows, seconds, Map.of("ONBOARDED", rows - failed)), bound);
        }
    }

    private static Map<String, Object> properties(int workers, int chunk, int resellerPerMinute, int directoryPerMinute) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("onboarding.workers", Integer.toString(workers));
        properties.put("onboarding.chunk-size", Integer.toString(chunk));
        properties.put("onboarding.google.reseller-requests-per-minute", Integer.toString(resellerPerMinute));
        properties.put("onboarding.google.directory-requests-per-minute", Integer.toString(directoryPerMinute));
        return properties;
    }

    private Path file(String name, int rows) throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < rows; i++) {
            csv.append(String.format("%s-%06d.com,Bench GmbH,Kim Kunde,10115,DE,it@example.com,Kim,Kunde%n", name, i));
        }
        Path file = root.resolve(name + ".csv");
        Files.writeString(file, csv);
        return file;
    }

    private void report(String name, BenchmarkContext.Outcome outcome, double bound) {
        String line = String.format(Locale.ROOT, "%-44s %6d %8.1f %8.1f %8.1f %6.0f%% %8d %7s %6d %5d", name,
                outcome.rows(), outcome.seconds(), outcome.rowsPerSecond(), bound,
                100 * outcome.rowsPerSecond() / bound, outcome.requests(),
                outcome.throttled() + String.format(Locale.ROOT, "/%.1f%%",
                        100.0 * outcome.throttled() / Math.max(1, outcome.requests())),
                outcome.failed(), outcome.duplicateOrders() + outcome.duplicateUsers());
        System.out.println(line);
        table.add(line);
    }
}
