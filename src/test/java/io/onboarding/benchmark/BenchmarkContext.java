package io.onboarding.benchmark;

import io.onboarding.OnboardingApplication;
import io.onboarding.job.OnboardingJobParameters;
import io.onboarding.sandbox.RecordedRequest;
import io.onboarding.sandbox.TestSandbox;
import io.onboarding.sandbox.TestSandboxConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** One application, as an operator would run it, with its own database and embedded sandbox. */
final class BenchmarkContext implements AutoCloseable {

    /** What one run did. */
    record Outcome(int rows, double seconds, Map<String, Integer> outcomes, long requests, long throttled,
            long duplicateOrders, long duplicateUsers) {

        double rowsPerSecond() {
            return rows / seconds;
        }

        int failed() {
            return rows - outcomes.getOrDefault("ONBOARDED", 0) - outcomes.getOrDefault("VALID", 0);
        }
    }

    final ConfigurableApplicationContext context;
    final TestSandbox sandbox;
    private final Path dir;

    BenchmarkContext(Path dir, Map<String, Object> properties) {
        this.dir = dir;
        Map<String, Object> all = new HashMap<>(Map.of(
                "spring.datasource.url", "jdbc:h2:file:" + dir.resolve("db/onboarding"),
                "onboarding.report-dir", dir.resolve("reports").toString(),
                // The sandbox's accounts in memory: the figures measure the job, not the stand-in's disk.
                "onboarding.sandbox.database-url",
                "jdbc:h2:mem:sandbox-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "logging.level.root", "ERROR",
                "logging.level.io.onboarding", "ERROR"));
        all.putAll(properties);
        // As arguments, not default properties: application.yml would override those.
        this.context = new SpringApplicationBuilder(OnboardingApplication.class, TestSandboxConfiguration.class).web(WebApplicationType.NONE)
                .run(all.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                        .toArray(String[]::new));
        this.sandbox = context.getBean(TestSandbox.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    Outcome run(Path csv) throws Exception {
        return run(csv, false);
    }

    Outcome run(Path csv, boolean dryRun) throws Exception {
        long start = System.nanoTime();
        JobExecution execution = context.getBean(JobOperator.class).start(context.getBean(Job.class),
                dryRun ? OnboardingJobParameters.forDryRun(csv, java.time.Instant.now())
                        : OnboardingJobParameters.forFile(csv));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!execution.getStatus().toString().equals("COMPLETED")) {
            throw new IllegalStateException("the run ended " + execution.getStatus() + ": "
                    + execution.getAllFailureExceptions());
        }
        // Where the time went, step by step: the table alone cannot say which step to work on.
        System.out.println("   steps: " + execution.getStepExecutions().stream()
                .map(step -> step.getStepName() + " " + java.time.Duration.between(step.getStartTime(),
                        step.getEndTime()).toMillis() + " ms").collect(Collectors.joining(", ")));
        Path results = Path.of(execution.getExecutionContext().getString("report.results"));
        Map<String, Integer> outcomes = new HashMap<>();
        try (var lines = Files.lines(results)) {
            lines.skip(1).forEach(line -> outcomes.merge(line.split(",")[3].replace("\"", ""), 1, Integer::sum));
        }
        int rows = outcomes.values().stream().mapToInt(Integer::intValue).sum();
        return outcome(rows, seconds, outcomes);
    }

    Outcome outcome(int rows, double seconds, Map<String, Integer> outcomes) {
        List<RecordedRequest> requests = sandbox.requests();
        return new Outcome(rows, seconds, outcomes, requests.size(),
                requests.stream().filter(r -> r.status() == 429).count(),
                duplicates(requests, "customers.insert", "customerDomain"),
                duplicates(requests, "users.insert", "primaryEmail"));
    }

    /** The share of requests answered 429, window by window from the first request on. */
    List<Double> throttledPerWindow(java.time.Duration window) {
        List<RecordedRequest> requests = sandbox.requests();
        if (requests.isEmpty()) {
            return List.of();
        }
        java.time.Instant start = requests.get(0).time();
        Map<Long, List<RecordedRequest>> byWindow = requests.stream().collect(Collectors.groupingBy(
                r -> java.time.Duration.between(start, r.time()).toMillis() / window.toMillis(),
                java.util.TreeMap::new, Collectors.toList()));
        return byWindow.values().stream()
                .map(inWindow -> inWindow.stream().filter(r -> r.status() == 429).count() / (double) inWindow.size())
                .toList();
    }

    /** How many keys were applied more than once: orders or users created twice. */
    private static long duplicates(List<RecordedRequest> requests, String call, String field) {
        return requests.stream().filter(r -> r.call().equals(call) && r.applied())
                .collect(Collectors.groupingBy(r -> r.body().replaceAll("(?s).*\"" + field + "\":\"([^\"]+)\".*", "$1"),
                        Collectors.counting()))
                .values().stream().filter(count -> count > 1).count();
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() {
        context.close();
    }
}
