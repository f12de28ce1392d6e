package io.onboarding.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.onboarding.OnboardingApplication;
import io.onboarding.sandbox.TestSandbox;
import io.onboarding.sandbox.TestSandboxConfiguration;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The inbox of {@code serve}, tick by tick, on a real application with a file database. */
// An application per test and real cron ticks and settle times: failsafe runs it.
@Tag("slow")
class InboxTests {

    private static final String HEADER = "customerDomain,organizationName,contactName,postalCode,countryCode,"
            + "alternateEmail,adminGivenName,adminFamilyName\n";

    @TempDir
    Path tmp;

    private ConfigurableApplicationContext context;
    private Inbox inbox;
    private TestSandbox sandbox;
    private Path dir;

    @BeforeEach
    void start() {
        dir = tmp.resolve("inbox");
        context = new SpringApplicationBuilder(OnboardingApplication.class, TestSandboxConfiguration.class).web(WebApplicationType.NONE).run(
                "--onboarding.inbox.enabled=true", "--onboarding.inbox.dir=" + dir,
                // Never on its own: the test drives the ticks.
                "--onboarding.inbox.cron=-", "--onboarding.inbox.settle-time=400ms",
                "--spring.datasource.url=jdbc:h2:file:" + tmp.resolve("db/onboarding"),
                "--onboarding.report-dir=" + tmp.resolve("reports"),
                "--logging.file.name=" + tmp.resolve("logs/onboarding.log"));
        inbox = context.getBean(Inbox.class);
        sandbox = context.getBean(TestSandbox.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void eachFileEndsInDoneOrFailedWithItsReportAndAHalfWrittenFileWaitsForTheNextTick() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("a-good.csv"), HEADER + "inbox-good.com,Good Inc.,Gus Good,12345,US,g@example.com,Gus,Good\n");
        Files.writeString(dir.resolve("b-mixed.csv"), HEADER + "inbox-mixed.com,Mixed Inc.,Max Mix,12345,US,m@example.com,Max,Mix\n"
                + "not a domain,Bad Inc.,Bo Bad,12345,US,bo@example.com,Bo,Bad\n");
        Files.writeString(dir.resolve("c-broken.csv"), "customerDomain,organizationName\nx.com,X\n");
        Files.writeString(dir.resolve("notes.txt"), "not a CSV: left alone");
        // d is still being uploaded while the tick looks at it
        Path growing = dir.resolve("d-growing.csv");
        Files.writeString(growing, HEADER);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (Writer out = Files.newBufferedWriter(growing, java.nio.file.StandardOpenOption.APPEND)) {
                for (int i = 0; i < 8; i++) {
                    out.write(String.format("inbox-late-%d.com,Late Inc.,Lee Late,12345,US,l@example.com,Lee,Late%n", i));
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        List<Path> first = inbox.processAll();

        assertThat(first).containsExactly(dir.resolve("done/a-good.csv"), dir.resolve("done/b-mixed.csv"),
                dir.resolve("failed/c-broken.csv"));
        assertThat(files("done")).containsExactly("a-good.csv", "a-good.results.csv", "b-mixed.csv",
                "b-mixed.rejects.csv", "b-mixed.results.csv");
        assertThat(Files.readString(dir.resolve("done/b-mixed.rejects.csv"))).contains("not a domain");
        assertThat(files("failed")).containsExactly("c-broken.csv", "c-broken.error.txt");
        assertThat(Files.readString(dir.resolve("failed/c-broken.error.txt")))
                .contains("Nothing was started: The header lacks required column");
        assertThat(files("")).containsExactly("d-growing.csv", "done", "failed", "notes.txt", "processing");
        assertThat(files("processing")).isEmpty();
        assertThat(orderedDomains()).containsExactly("inbox-good.com", "inbox-mixed.com");

        writer.get(10, TimeUnit.SECONDS);
        List<Path> second = inbox.processAll();

        assertThat(second).containsExactly(dir.resolve("done/d-growing.csv"));
        assertThat(Files.readString(dir.resolve("done/d-growing.results.csv")).lines().filter(l -> l.contains("ONBOARDED")))
                .hasSize(8);
        assertThat(orderedDomains()).hasSize(10);
    }

    @Test
    void aFileWithAHeaderButNoRowsGoesToFailedSayingSo() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("nightly-export.csv"), HEADER + "\n");

        List<Path> finished = inbox.processAll();

        assertThat(finished).containsExactly(dir.resolve("failed/nightly-export.csv"));
        assertThat(Files.readString(dir.resolve("failed/nightly-export.error.txt")))
                .contains("Nothing was started: The file ", "nightly-export.csv has a header but no rows");
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void aFileAlreadyCompletedIsNotRunTwice() throws Exception {
        Files.createDirectories(dir);
        String content = HEADER + "inbox-once.com,Once Inc.,Olli Once,12345,US,o@example.com,Olli,Once\n";
        Files.writeString(dir.resolve("once.csv"), content);
        inbox.processAll();
        Files.writeString(dir.resolve("once.csv"), content);

        List<Path> again = inbox.processAll();

        assertThat(again).hasSize(1);
        assertThat(again.get(0).getParent()).isEqualTo(dir.resolve("done"));
        assertThat(again.get(0).getFileName().toString()).matches("once-\\d{8}-\\d{6}\\.csv");
        assertThat(orderedDomains()).containsExactly("inbox-once.com");
        assertThat(sandbox.requests()).hasSize(3);
    }

    @Test
    void aFileLeftInProcessingByAKilledServeIsResumedFirst() throws Exception {
        Files.createDirectories(dir.resolve("processing"));
        Files.writeString(dir.resolve("processing/left.csv"),
                HEADER + "inbox-left.com,Left Inc.,Lou Left,12345,US,l@example.com,Lou,Left\n");

        assertThat(inbox.processAll()).containsExactly(dir.resolve("done/left.csv"));
        assertThat(orderedDomains()).containsExactly("inbox-left.com");
    }

    @Test
    void theCronExpressionDrivesTheTicks() throws Exception {
        Files.createDirectories(dir);
        try (ConfigurableApplicationContext everySecond = new SpringApplicationBuilder(OnboardingApplication.class, TestSandboxConfiguration.class)
                .web(WebApplicationType.NONE).run("--onboarding.inbox.enabled=true",
                        "--onboarding.inbox.dir=" + dir, "--onboarding.inbox.cron=* * * * * *",
                        "--onboarding.inbox.settle-time=100ms",
                        "--spring.datasource.url=jdbc:h2:file:" + tmp.resolve("db2/onboarding"),
                        "--onboarding.report-dir=" + tmp.resolve("reports2"),
                        "--logging.file.name=" + tmp.resolve("logs/onboarding.log"))) {
            Files.writeString(dir.resolve("tick.csv"),
                    HEADER + "inbox-tick.com,Tick Inc.,Tia Tick,12345,US,t@example.com,Tia,Tick\n");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.exists(dir.resolve("done/tick.results.csv")) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(dir.resolve("done/tick.csv")).exists();
            assertThat(Files.readString(dir.resolve("done/tick.results.csv"))).contains("inbox-tick.com", "ONBOARDED");
        }
    }

    private List<String> orderedDomains() {
        return sandbox.requests().stream().filter(r -> r.call().equals("customers.insert") && r.applied())
                .map(r -> r.body().replaceAll("(?s).*\"customerDomain\":\"([^\"]+)\".*", "$1")).sorted().toList();
    }

    private List<String> files(String folder) throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve(folder))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
