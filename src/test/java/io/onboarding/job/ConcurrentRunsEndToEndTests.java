package io.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.onboarding.ledger.Outcome;
import io.onboarding.sandbox.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * Two runs in one process at the same time — two console uploads, or an upload and the nightly inbox — whose
 * files share domains: each domain is ordered once, gets one admin and one notice, and a row whose domain the
 * other run holds says so instead of failing.
 */
class ConcurrentRunsEndToEndTests extends JobEndToEndTest {

    @Test
    void overlappingFilesRunTogetherOrderEachDomainOnceWithOneAdminAndOneNotice() throws Exception {
        // given two files whose first 15 domains are the same, and a Google slow enough for the runs to meet
        sandbox.faults().delay(Duration.ofMillis(15));
        Path monday = write("monday.csv", customerRows("shared", 15) + customerRows("monday", 10));
        Path upload = write("upload.csv", customerRows("shared", 15) + customerRows("upload", 10));

        // when both start together
        ExecutorService starter = Executors.newFixedThreadPool(2);
        JobExecution first;
        JobExecution second;
        try {
            CompletableFuture<JobExecution> a = startIn(starter, monday);
            CompletableFuture<JobExecution> b = startIn(starter, upload);
            first = a.get();
            second = b.get();
        } finally {
            starter.shutdown();
        }

        // then both finish, and Google saw every domain ordered once and every admin created once
        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(applied("customers.insert", "customerDomain")).hasSize(35)
                .allSatisfy((domain, count) -> assertThat(count).as(domain).isEqualTo(1L));
        assertThat(applied("users.insert", "primaryEmail")).hasSize(35)
                .allSatisfy((email, count) -> assertThat(count).as(email).isEqualTo(1L));
        // each customer got exactly one notice, from one of the two runs
        Map<String, Long> notices;
        try (Stream<Path> files = Stream.concat(Files.walk(resultsOf(first).getParent()),
                Files.walk(resultsOf(second).getParent()))) {
            notices = files.filter(file -> file.toString().endsWith(".eml"))
                    .collect(Collectors.groupingBy(file -> file.getFileName().toString(), Collectors.counting()));
        }
        assertThat(notices).hasSize(35).allSatisfy((file, count) -> assertThat(count).as(file).isEqualTo(1L));

        // and each shared row was onboarded by one run and, in the other, found done or held — never failed
        Map<String, String> byFirst = outcomes(first);
        Map<String, String> bySecond = outcomes(second);
        List<String> held = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            String domain = "shared-" + i + ".com";
            List<String> both = List.of(byFirst.get(domain).split("\\|")[0], bySecond.get(domain).split("\\|")[0]);
            assertThat(both).as(domain).containsOnlyOnce(Outcome.ONBOARDED.name())
                    .containsAnyOf(Outcome.ALREADY_ONBOARDED.name(), Outcome.HELD_BY_ANOTHER_RUN.name());
            for (Map.Entry<JobExecution, Map<String, String>> run : Map.of(first, byFirst, second, bySecond).entrySet()) {
                String result = run.getValue().get(domain);
                if (result.startsWith(Outcome.HELD_BY_ANOTHER_RUN.name())) {
                    long other = (run.getKey() == first ? second : first).getJobInstance().getInstanceId();
                    assertThat(result).as(domain).contains("Another run is working on " + domain
                            + " right now: run " + other + " (host ");
                    held.add(domain);
                }
            }
        }
        assertThat(byFirst.values()).filteredOn(outcome -> outcome.startsWith("monday") || !outcome.startsWith(
                Outcome.ONBOARDED.name())).allMatch(outcome -> !outcome.startsWith(Outcome.FAILED.name())
                        && !outcome.startsWith(Outcome.ADMIN_EXISTS.name()) && !outcome.startsWith("PARTIAL"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM DOMAIN_CLAIM").query(Long.class).single())
                .as("no claim outlives its run").isZero();
        System.out.println("[concurrent runs] rows held by the other run: " + held);
    }

    private CompletableFuture<JobExecution> startIn(ExecutorService starter, Path file) {
        return CompletableFuture.supplyAsync(new Start(jobs, file), starter);
    }

    /**
     * Starts a run. A class of its own: @SpringBatchTest takes any method of the test class that returns a
     * JobExecution, lambdas included, for a job-scope factory.
     */
    private record Start(org.springframework.batch.test.JobOperatorTestUtils jobs, Path file)
            implements java.util.function.Supplier<JobExecution> {
        @Override
        public JobExecution get() {
            try {
                return jobs.startJob(OnboardingJobParameters.forFile(file));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Path write(String name, String rows) throws Exception {
        return Files.writeString(tmp.resolve(name), JobEndToEndTest.SIMPLE_HEADER + rows);
    }

    /** domain → "OUTCOME|message" of a run's report. */
    private static Map<String, String> outcomes(JobExecution execution) throws Exception {
        Map<String, String> outcomes = new HashMap<>();
        for (String[] row : readCsv(resultsOf(execution), ',').subList(1, 26)) {
            outcomes.put(row[1], row[3] + "|" + row[7]);
        }
        return outcomes;
    }

    private Map<String, Long> applied(String call, String field) {
        return sandbox.requests().stream().filter(r -> r.call().equals(call) && r.applied())
                .collect(Collectors.groupingBy((RecordedRequest r) -> r.body().replaceAll("(?s).*\"" + field
                        + "\":\"([^\"]+)\".*", "$1"), Collectors.counting()));
    }
}
