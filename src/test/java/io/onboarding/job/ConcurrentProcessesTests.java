package io.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.onboarding.job.Jvms.JobProcess;
import io.onboarding.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs in separate processes on one database — cron's run and a console, say: overlapping files run
 * together order each domain once with one admin and one notice, and a claim held by a process that was
 * SIGKILLed is taken over by the next run on this host at once.
 */
@Tag("slow")
class ConcurrentProcessesTests {

    @TempDir
    Path tmp;

    /** The databases several instances share: H2's server, and PostgreSQL. */
    enum Database {
        H2, POSTGRESQL
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Database.class)
    void twoProcessesWithOverlappingFilesOrderEachDomainOnceWithOneAdminAndOneNotice(Database on) throws Exception {
        try (Jvms.Sandbox sandbox = Jvms.startSandbox(); Jvms.DatabaseServer h2 = Jvms.startDatabaseServer(tmp)) {
            List<String> database = databaseOptions(on, h2);
            // a database in use already: two first starts at once would race to create the tables
            JobProcess history = JobProcess.start(Stream.concat(Stream.of("history"), database.stream())
                    .toArray(String[]::new));
            assertThat(history.awaitExit()).as(history.output()).isZero();
            sandbox.post("delay?millis=10", "");
            Path cron = write("cron.csv", JobEndToEndTest.customerRows("shared", 20) + JobEndToEndTest.customerRows("cron", 10));
            Path console = write("console.csv", JobEndToEndTest.customerRows("shared", 20) + JobEndToEndTest.customerRows("console", 10));

            JobProcess first = JobProcess.run(cron, sandbox.url(), tmp, database.toArray(String[]::new));
            JobProcess second = JobProcess.run(console, sandbox.url(), tmp, database.toArray(String[]::new));

            assertThat(first.awaitExit()).as(first.output()).isIn(0, 3);
            assertThat(second.awaitExit()).as(second.output()).isIn(0, 3);
            assertThat(sandbox.applied("customers.insert", "customerDomain")).hasSize(40)
                    .allSatisfy((domain, count) -> assertThat(count).as(domain).isEqualTo(1L));
            assertThat(sandbox.applied("users.insert", "primaryEmail")).hasSize(40)
                    .allSatisfy((email, count) -> assertThat(count).as(email).isEqualTo(1L));
            assertThat(notices()).hasSize(40).allSatisfy((file, count) -> assertThat(count).as(file).isEqualTo(1L));
            Map<String, String> outcomes = new HashMap<>();
            for (String report : List.of("cron-run1", "console-run2", "cron-run2", "console-run1")) {
                Path results = tmp.resolve("reports").resolve(report).resolve("results.csv");
                if (Files.exists(results)) {
                    for (String[] row : JobEndToEndTest.readCsv(results, ',').subList(1, 31)) {
                        outcomes.merge(row[1], row[3], (a, b) -> a + "+" + b);
                    }
                }
            }
            assertThat(outcomes).hasSize(40).allSatisfy((domain, outcome) -> assertThat(outcome).as(domain)
                    .matches(domain.startsWith("shared") ? "ONBOARDED\\+(ALREADY_ONBOARDED|HELD_BY_ANOTHER_RUN)"
                            + "|(ALREADY_ONBOARDED|HELD_BY_ANOTHER_RUN)\\+ONBOARDED" : "ONBOARDED"));
        }
    }

    @Test
    void aClaimOfAKilledProcessIsTakenOverByTheNextRunOnThisHost() throws Exception {
        try (Jvms.Sandbox sandbox = Jvms.startSandbox()) {
            // a run killed while Google held the answer to its users.insert: its claim stays behind
            sandbox.post("faults", "{\"call\":\"users.insert\",\"nth\":1,\"kind\":\"HOLD_AFTER_APPLY\",\"hold\":60}");
            JobProcess killed = JobProcess.run(write("monday.csv", JobEndToEndTest.customerRows("held", 1)),
                    sandbox.url(), Jvms.fileDatabase(tmp), tmp);
            sandbox.awaitRequests(requests -> Jvms.calls(requests, "users.insert").stream().anyMatch(r -> r.applied()));
            killed.kill();
            sandbox.post("faults/clear", "");

            // the next run, of another file, with a lease far longer than the test: no wait for it
            JobProcess next = JobProcess.run(write("tuesday.csv", JobEndToEndTest.customerRows("held", 1)),
                    sandbox.url(), Jvms.fileDatabase(tmp), tmp, "--onboarding.ledger.claim-lease=1h");

            assertThat(next.awaitExit()).as(next.output()).isZero();
            Path results;
            try (Stream<Path> folders = Files.list(tmp.resolve("reports"))) {
                results = folders.filter(folder -> folder.getFileName().toString().startsWith("tuesday-run"))
                        .findFirst().orElseThrow().resolve("results.csv");
            }
            assertThat(Files.readString(results)).contains("\"held-0.com\",\"\",\"ONBOARDED\"");
            assertThat(sandbox.applied("users.insert", "primaryEmail")).containsExactly(Map.entry("admin@held-0.com", 1L));
            assertThat(notices()).containsExactly(Map.entry("held-0.com-domain.eml", 1L));
        }
    }

    @Test
    void aClaimOfAnInstanceThatDiedOnAnotherHostIsTakenOverAfterItsLeaseNotBefore() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        String name = postgres.createDatabase();
        String[] database = postgres.datasourceArguments(name).toArray(String[]::new);
        try (Jvms.Sandbox sandbox = Jvms.startSandbox()) {
            // an instance on another host killed while Google held the answer to its users.insert
            sandbox.post("faults", "{\"call\":\"users.insert\",\"nth\":1,\"kind\":\"HOLD_AFTER_APPLY\",\"hold\":60}");
            JobProcess killed = JobProcess.startOn("other-host", Stream.concat(Stream.of("run",
                    write("monday.csv", JobEndToEndTest.customerRows("far", 1)).toString(), "--onboarding.sandbox.url="
                    + sandbox.url(), "--onboarding.report-dir=" + tmp.resolve("reports"),
                    "--onboarding.ledger.claim-lease=20s"), Stream.of(database)).toArray(String[]::new));
            sandbox.awaitRequests(requests -> Jvms.calls(requests, "users.insert").stream().anyMatch(r -> r.applied()));
            killed.kill();
            sandbox.post("faults/clear", "");

            // within the lease this host cannot tell the other host's process is dead: the domain is held
            JobProcess early = JobProcess.run(write("tuesday.csv", JobEndToEndTest.customerRows("far", 1)),
                    sandbox.url(), tmp, database);
            assertThat(early.awaitExit()).as(early.output()).isIn(0, 3);
            assertThat(early.output()).contains("HELD_BY_ANOTHER_RUN");
            assertThat(sandbox.applied("users.insert", "primaryEmail")).containsExactly(Map.entry("admin@far-0.com", 1L));

            // after the lease it is taken over, and the customer finished once
            awaitLeaseEnd(postgres, name);
            JobProcess late = JobProcess.run(write("wednesday.csv", JobEndToEndTest.customerRows("far", 1)),
                    sandbox.url(), tmp, database);
            assertThat(late.awaitExit()).as(late.output()).isZero();
            assertThat(sandbox.applied("users.insert", "primaryEmail")).containsExactly(Map.entry("admin@far-0.com", 1L));
            assertThat(sandbox.applied("customers.insert", "customerDomain")).containsExactly(Map.entry("far-0.com", 1L));
        }
    }

    @Test
    void statusAndStopFromAnotherInstanceSeeAndStopARunOnPostgresql() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        String[] database = postgres.datasourceArguments(postgres.createDatabase()).toArray(String[]::new);
        try (Jvms.Sandbox sandbox = Jvms.startSandbox()) {
            sandbox.post("delay?millis=50", "");
            Path input = write("long.csv", JobEndToEndTest.customerRows("long", 200));
            JobProcess running = JobProcess.run(input, sandbox.url(), tmp, Stream.concat(Stream.of(database),
                    Stream.of("--onboarding.chunk-size=5", "--onboarding.workers=1")).toArray(String[]::new));
            sandbox.awaitRequests(requests -> Jvms.calls(requests, "customers.insert").size() >= 10);

            // when another instance looks, and then stops the run
            JobProcess status = JobProcess.start(Stream.concat(Stream.of("status", "1"), Stream.of(database))
                    .toArray(String[]::new));
            assertThat(status.awaitExit()).as(status.output()).isEqualTo(1);
            assertThat(status.output()).contains("STARTED");
            JobProcess stop = JobProcess.start(Stream.concat(Stream.of("stop", "1"), Stream.of(database))
                    .toArray(String[]::new));
            assertThat(stop.awaitExit()).as(stop.output()).isZero();

            // then the run ends at its next chunk, stopped and resumable, and the same command finishes it
            assertThat(running.awaitExit()).as(running.output()).isEqualTo(1);
            assertThat(running.output()).contains("Run 1 STOPPED");
            sandbox.post("delay?millis=0", "");
            JobProcess resumed = JobProcess.run(input, sandbox.url(), tmp, database);
            assertThat(resumed.awaitExit()).as(resumed.output()).isZero();
            assertThat(resumed.output()).contains("resuming it after its last checkpoint", "Run 1 COMPLETED: 200 rows");
            assertThat(sandbox.applied("customers.insert", "customerDomain")).hasSize(200)
                    .allSatisfy((domain, count) -> assertThat(count).as(domain).isEqualTo(1L));
        }
    }

    @Test
    void aRunWhoseHostDiedIsRecoveredByTheSameCommandHereAfterItsLease() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        String name = postgres.createDatabase();
        String[] database = postgres.datasourceArguments(name).toArray(String[]::new);
        try (Jvms.Sandbox sandbox = Jvms.startSandbox()) {
            sandbox.post("delay?millis=50", "");
            Path input = write("far.csv", JobEndToEndTest.customerRows("gone", 60));
            // the run of an instance on another host, which dies mid-run
            JobProcess far = JobProcess.startOn("other-host", Stream.concat(Stream.of("run", input.toString(),
                    "--onboarding.sandbox.url=" + sandbox.url(), "--onboarding.report-dir=" + tmp.resolve("reports"),
                    "--onboarding.ledger.claim-lease=15s", "--onboarding.chunk-size=5", "--onboarding.workers=1"),
                    Stream.of(database)).toArray(String[]::new));
            sandbox.awaitRequests(requests -> Jvms.calls(requests, "customers.insert").size() >= 10);
            far.kill();
            sandbox.post("delay?millis=0", "");

            // within its lease this host cannot know that process is gone: refused, naming where it runs
            JobProcess early = JobProcess.run(input, sandbox.url(), tmp, database);
            assertThat(early.awaitExit()).as(early.output()).isEqualTo(2);
            assertThat(early.output()).contains("Run 1 is still running (host other-host, process ");

            // after it, the same command resumes the run after its last checkpoint and finishes it
            awaitExpiry(postgres, name, "SELECT MAX(EXPIRES_AT) FROM RUN_LEASE");
            JobProcess late = JobProcess.run(input, sandbox.url(), tmp, database);
            assertThat(late.awaitExit()).as(late.output()).isZero();
            assertThat(late.output()).contains("resuming it after its last checkpoint", "Run 1 COMPLETED: 60 rows");
            assertThat(sandbox.applied("customers.insert", "customerDomain")).hasSize(60)
                    .allSatisfy((domain, count) -> assertThat(count).as(domain).isEqualTo(1L));
        }
    }

    /** Until the claims' recorded expiry has passed on this host's clock, which is what a run compares it with. */
    private static void awaitLeaseEnd(PostgresServer postgres, String database) throws Exception {
        awaitExpiry(postgres, database, "SELECT MAX(EXPIRES_AT) FROM DOMAIN_CLAIM");
    }

    private static void awaitExpiry(PostgresServer postgres, String database, String query) throws Exception {
        LocalDateTime expiry;
        try (Connection connection = postgres.connect(database);
                ResultSet row = connection.createStatement().executeQuery(query)) {
            row.next();
            expiry = row.getTimestamp(1).toLocalDateTime();
        }
        while (!LocalDateTime.now().isAfter(expiry.plusSeconds(1))) {
            Thread.sleep(100);
        }
    }

    private static List<String> databaseOptions(Database on, Jvms.DatabaseServer h2) {
        if (on == Database.H2) {
            return List.of("--spring.datasource.url=" + h2.url());
        }
        PostgresServer postgres = PostgresServer.shared();
        return postgres.datasourceArguments(postgres.createDatabase());
    }

    private Map<String, Long> notices() throws Exception {
        try (Stream<Path> files = Files.walk(tmp.resolve("reports"))) {
            return files.filter(file -> file.toString().endsWith(".eml"))
                    .collect(Collectors.groupingBy(file -> file.getFileName().toString(), Collectors.counting()));
        }
    }

    private Path write(String name, String rows) throws Exception {
        return Files.writeString(tmp.resolve(name), JobEndToEndTest.SIMPLE_HEADER + rows);
    }
}
