package io.onboarding.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.onboarding.sandbox.SandboxProperties;
import io.onboarding.sandbox.TestSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Runs the command line as the README's commands do, each command in its own application context on one
 * file database, as processes started one after the other would. Slow (a context per command): failsafe runs it;
 * {@link RunTextTests} keeps the words of each answer in the fast suite.
 */
@ExtendWith(OutputCaptureExtension.class)
@Tag("slow")
class CommandLineTests {

    private static final String HEADER = "customerDomain,organizationName,contactName,postalCode,countryCode,"
            + "alternateEmail,adminGivenName,adminFamilyName,adminPassword\n";

    @TempDir
    Path tmp;

    private TestSandbox sandbox;

    @org.junit.jupiter.api.BeforeEach
    void startSandbox() throws Exception {
        sandbox = TestSandbox.start(new SandboxProperties(0, List.of("already-at-google.com"), List.of(), null, null),
                tools.jackson.databind.json.JsonMapper.builder().build(), java.time.Clock.systemUTC());
    }

    @org.junit.jupiter.api.AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void aSecondRunOfACompletedFileIsRefusedAndSendsNothing(CapturedOutput output) throws Exception {
        // given a file that was run to completion
        Path input = write("customers.csv", HEADER + "first-run.com,First Inc.,Ann First,12345,US,ann@example.com,Ann,First,\n");
        Run first = run(input);
        assertThat(first.exitCode()).isZero();
        assertThat(first.sandboxCalls()).isEqualTo(3);
        assertThat(output).containsPattern("ONBOARDED +1\\n");
        assertThat(output).contains("Run 1 COMPLETED: 1 rows",
                "Report: " + tmp.resolve("reports/customers-run1/results.csv"));

        // when the same file is launched again by a new process
        Run second = run(input);

        // then it is refused, with where the report is, and the job is not executed again
        assertThat(second.exitCode()).isZero();
        assertThat(second.sandboxCalls()).isZero();
        assertThat(second.jobExecutions()).isEqualTo(1);
        assertThat(output).contains("Refused: this file (same name and content) was already processed completely on ",
                "(run 1). Nothing was sent to Google again.",
                "Its report: " + tmp.resolve("reports/customers-run1/results.csv"));
        // and the refusal is said before anything is announced as to be processed
        String refusal = output.getOut().substring(output.getOut().lastIndexOf("workspace-onboarding: "));
        assertThat(refusal).startsWith("workspace-onboarding: SANDBOX mode, input " + input + "\nRefused: ")
                .doesNotContain("rows to process");
    }

    @Test
    void theFirstRunOfTheSampleEndsWith0AndSaysCronGets3(CapturedOutput output) {
        // when: as ./mvnw spring-boot:run starts it (pom.xml)
        int exitCode = OnboardingCommandLine.firstRun("run", "sample-data/customers.csv",
                "--spring.datasource.url=jdbc:h2:file:" + tmp.resolve("db/onboarding"),
                "--onboarding.report-dir=" + tmp.resolve("reports"), "--onboarding.sandbox.url=" + sandbox.baseUrl(),
                "--logging.file.name=" + tmp.resolve("logs/onboarding.log"));

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getOut()).contains("rows to fix and re-submit", "this ends with exit code 3",
                "this Maven run ends with 0");
    }

    @Test
    void aFileWithAHeaderButNoRowsIsRefusedWith2ByRunAndValidate(CapturedOutput output) throws Exception {
        // given the export of a night without customers, and one with only blank lines after its header
        Path headerOnly = write("empty-export.csv", HEADER);
        Path blankLines = write("blank-export.csv", HEADER + "\n  \n,,,,,,,,\n");

        // when
        Run run = run(headerOnly);
        Run validate = command("validate", blankLines.toString());

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(run.jobExecutions()).as("nothing was started").isZero();
        assertThat(output.getErr()).contains("Nothing was started: The file " + headerOnly + " has a header but no rows",
                "Nothing was started: The file " + blankLines + " has a header but no rows");
        assertThat(output.getOut()).doesNotContain("COMPLETED");
    }

    @Test
    void theSameFileNameWithNewContentIsANewRun(CapturedOutput output) throws Exception {
        Path input = write("nightly.csv", HEADER + "monday.com,Monday Inc.,Mo Day,12345,US,mo@example.com,Mo,Day,\n");
        run(input);
        write("nightly.csv", HEADER + "tuesday.com,Tuesday Inc.,Tu Day,12345,US,tu@example.com,Tu,Day,\n");

        Run tuesday = run(input);

        assertThat(tuesday.exitCode()).isZero();
        assertThat(tuesday.sandboxCalls()).isEqualTo(3);
        assertThat(output).contains("Run 2 COMPLETED: 1 rows");
    }

    @Test
    void aDryRunCallsNothingCanBeRepeatedAndDoesNotBlockTheRealRun(CapturedOutput output) throws Exception {
        Path input = write("dry.csv", HEADER + "dry-run.com,Dry Inc.,Dee Dry,12345,US,dee@example.com,Dee,Dry,\n"
                + "bad domain,Bad Inc.,Bo Bad,12345,US,bo@example.com,Bo,Bad,\n");

        Run dry = run(input, "--dry-run");
        Run again = run(input, "--dry-run");
        Run real = run(input);

        assertThat(dry.exitCode()).as("a dry run with a rejected row").isEqualTo(3);
        assertThat(real.exitCode()).isEqualTo(3);
        assertThat(dry.sandboxCalls()).isZero();
        assertThat(again.sandboxCalls()).isZero();
        assertThat(real.sandboxCalls()).isEqualTo(3);
        assertThat(output).contains("DRY RUN (no API call)", "Run 1 COMPLETED: 2 rows", "Run 2 COMPLETED: 2 rows",
                "Run 3 COMPLETED: 2 rows", "1 rows to fix and re-submit: " + tmp.resolve("reports/dry-run1/rejects.csv"))
                .containsPattern("VALID +1\\n");
    }

    @Test
    void aSemicolonExportIsReadAndSaidSo(CapturedOutput output) throws Exception {
        Path input = write("semi.csv", HEADER.replace(',', ';')
                + "semi-colon.de;Semi GmbH;Sam Semi;10115;DE;sam@example.com;Sam;Semi;\n");

        Run run = run(input);

        assertThat(run.sandboxCalls()).isEqualTo(3);
        assertThat(output).contains("Note: the columns are separated by ';' (a spreadsheet export); reading them that way")
                .containsPattern("ONBOARDED +1\\n");
    }

    @Test
    void aMissingRequiredColumnStopsTheRunBeforeAnyCall(CapturedOutput output) throws Exception {
        Path input = write("no-country.csv", "customerDomain,organizationName,contactName,postalCode\n"
                + "x.com,X,Y,12345\n");

        Run run = run(input);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.sandboxCalls()).isZero();
        assertThat(run.jobExecutions()).isZero();
        assertThat(output.getErr()).contains("Nothing was started: The header lacks required column countryCode");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithAFixItMessage(CapturedOutput output) throws Exception {
        Path input = tmp.resolve("latin1.csv");
        Files.write(input, (HEADER + "m\u00fcller.de,M\u00fcller GmbH,Hans M\u00fcller,12345,DE,h@example.com,Hans,M\u00fcller,\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        Run run = run(input);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.sandboxCalls()).isZero();
        assertThat(output.getErr()).contains("is not UTF-8 (line 2, byte offset ", "save it from your spreadsheet as 'CSV UTF-8'");
    }

    @Test
    void neverPrintsASuppliedPassword(CapturedOutput output) throws Exception {
        Path input = write("secret.csv", HEADER
                + "secret-pass.com,Secret Inc.,Sue Secret,12345,US,sue@example.com,Sue,Secret,Very-Secret-Pw-42\n"
                + "short-pass.com,Short Inc.,Sam Short,12345,US,sam@example.com,Sam,Short,Tiny-1\n");

        Run run = run(input, "--logging.level.root=DEBUG");
        assertThat(run.exitCode()).isEqualTo(3);

        assertThat(output).containsPattern("ONBOARDED +1\\n").containsPattern("INVALID +1\\n")
                .doesNotContain("Very-Secret-Pw-42")
                .doesNotContain("Tiny-1");
        assertThat(Files.readString(tmp.resolve("reports/secret-run1/results.csv")))
                .doesNotContain("Very-Secret-Pw-42")
                .doesNotContain("Tiny-1")
                .contains("adminPassword: must be 8 to 100 printable ASCII characters");
    }

    @Test
    void usageErrorsExitWith2AndHelpWith0(CapturedOutput output) {
        assertThat(OnboardingCommandLine.execute()).isEqualTo(2);
        assertThat(OnboardingCommandLine.execute("run")).isEqualTo(2);
        assertThat(OnboardingCommandLine.execute("run", "x.csv", "--no-such-option")).isEqualTo(2);
        assertThat(OnboardingCommandLine.execute("frobnicate")).isEqualTo(2);
        assertThat(output.getErr()).contains("Missing command", "Missing required parameter: 'FILE'",
                "Unknown option or argument: --no-such-option");

        assertThat(OnboardingCommandLine.execute("--help")).isZero();
        assertThat(output.getOut()).contains("run", "validate", "status", "history", "restart", "stop", "serve",
                "Exit codes:", "3   finished, with rejected or failed rows");
        assertThat(OnboardingCommandLine.execute("run", "--help")).isZero();
        assertThat(output.getOut()).contains("--dry-run", "--workers=N", "--report-dir=DIR", "--sandbox");
    }

    @Test
    void aFileThatDoesNotExistExitsWith2() {
        assertThat(command("run", tmp.resolve("missing.csv").toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void validateIsADryRunAndWorkersAndReportDirAreOptions(CapturedOutput output) throws Exception {
        Path input = write("valid.csv", HEADER + "all-valid.com,Valid Inc.,Val Id,12345,US,val@example.com,Val,Id,\n");

        Run validate = command("validate", input.toString());
        Run real = command("run", input.toString(), "--workers", "2", "--report-dir", tmp.resolve("elsewhere").toString());

        assertThat(validate.exitCode()).isZero();
        assertThat(validate.sandboxCalls()).isZero();
        assertThat(real.exitCode()).isZero();
        assertThat(real.sandboxCalls()).isEqualTo(3);
        assertThat(tmp.resolve("elsewhere/valid-run2/results.csv")).exists();
        assertThat(output).contains("DRY RUN (no API call)", "VALID                1");
    }

    @Test
    void aStoppedRunEndsWith1AndRestartFinishesItWithoutOrderingTwice(CapturedOutput output) throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 40; i++) {
            csv.append(String.format("stop-%02d.com,Stop Inc.,Sam Stop,12345,US,sam@example.com,Sam,Stop,%n", i));
        }
        Path input = write("stoppable.csv", csv.toString());
        sandbox.load().latency(java.time.Duration.ofMillis(80), java.time.Duration.ZERO);
        java.util.concurrent.CompletableFuture<Run> running = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> command("run", input.toString(), "--workers", "1"));
        while (sandbox.requests().size() < 6 && !running.isDone()) {
            Thread.sleep(20);
        }

        Run stop = command("stop", "1");
        Run stopped = running.get(60, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(stop.exitCode()).isZero();
        assertThat(stopped.exitCode()).as("stopped: resumable").isEqualTo(1);
        assertThat(output).contains("Run 1 will stop after its current chunk", "Run 1 STOPPED");
        long orderedBeforeRestart = orders();
        assertThat(orderedBeforeRestart).isBetween(2L, 39L);

        Run restart = command("restart", "1");

        assertThat(restart.exitCode()).isZero();
        assertThat(output).contains("Run 1 COMPLETED: 40 rows");
        assertThat(orders()).isEqualTo(40);
        assertThat(sandbox.requests().stream().filter(r -> r.call().equals("customers.insert"))
                .map(r -> r.body().replaceAll("(?s).*\"customerDomain\":\"([^\"]+)\".*", "$1")).distinct().count())
                .isEqualTo(40);
        assertThat(command("stop", "1").exitCode()).as("nothing left to stop").isEqualTo(2);
    }

    @Test
    void withoutATerminalARunPrintsAProgressLineEveryInterval(CapturedOutput output) throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 12; i++) {
            csv.append(String.format("slow-%02d.com,Slow Inc.,Sid Slow,12345,US,sid@example.com,Sid,Slow,%n", i));
        }
        sandbox.load().latency(java.time.Duration.ofMillis(40), java.time.Duration.ZERO);

        Run run = command("run", write("slow.csv", csv.toString()).toString(), "--workers", "1",
                "--onboarding.progress-interval=300ms");

        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(tmp.resolve("logs/onboarding.log"))).as("the log file, besides the console")
                .contains("Writing the reports into " + tmp.resolve("reports/slow-run1"));
        assertThat(output.getOut()).containsPattern("Progress: \\d+/12 rows \\(\\d+%\\), [0-9.]+ rows/s, ETA ");
    }

    @Test
    void theSandboxIsChosenExplicitlyEvenWithCredentialsAndTheConsoleSaysSo(CapturedOutput output) throws Exception {
        Path input = write("mode.csv", HEADER + "mode-one.com,Mode Inc.,Mo De,12345,US,mo@example.com,Mo,De,\n");
        String credentials = "--onboarding.google.credentials-file=" + tmp.resolve("no-such-key.json");

        Run production = command("validate", input.toString(), credentials);
        Run bySwitch = command("validate", input.toString(), credentials, "--sandbox");
        Run byProfile = command("validate", input.toString(), credentials, "--spring.profiles.active=sandbox");

        assertThat(production.exitCode()).as("production never falls back to the sandbox").isEqualTo(2);
        assertThat(bySwitch.exitCode()).isZero();
        assertThat(byProfile.exitCode()).isZero();
        assertThat(output).contains("Mode: SANDBOX", "Mode: PRODUCTION");
    }

    @Test
    void noticesGoToTheOutboxAndTheCredentialsFileIsOwnerOnlyAndNoPasswordIsLoggedOrReported(CapturedOutput output)
            throws Exception {
        Path input = write("handover.csv", HEADER
                + "outbox-one.com,Outbox Inc.,Olga Outbox,12345,US,olga@example.com,Olga,Outbox,\n"
                + "outbox-two.com,Outbox Two Inc.,Otto Outbox,12345,US,otto@example.com,Otto,Outbox,Given-Passw0rd!\n"
                + "outbox-bad,Bad Inc.,Bea Bad,12345,US,bea@example.com,Bea,Bad,Rejected-Passw0rd!\n");

        Run run = command("run", input.toString(), "--onboarding.credentials-file=true",
                "--logging.level.root=DEBUG");

        assertThat(run.exitCode()).as("one row rejected").isEqualTo(3);
        Path folder = tmp.resolve("reports/handover-run1");
        Path credentials = folder.resolve("credentials.csv");
        assertThat(java.nio.file.Files.getPosixFilePermissions(credentials))
                .containsExactlyInAnyOrderElementsOf(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        String generated = sandbox.password("admin@outbox-one.com").orElseThrow();
        assertThat(sandbox.password("admin@outbox-two.com").orElseThrow()).isEqualTo("Given-Passw0rd!");
        assertThat(Files.readAllLines(credentials).get(0)).isEqualTo(
                "\"customerDomain\",\"adminEmail\",\"temporaryPassword\"");
        assertThat(Files.readAllLines(credentials)).hasSize(3).contains(
                "\"outbox-one.com\",\"admin@outbox-one.com\",\"" + generated + "\"",
                "\"outbox-two.com\",\"admin@outbox-two.com\",\"Given-Passw0rd!\"");
        Path eml = folder.resolve("outbox/outbox-one.com-domain.eml");
        assertThat(java.nio.file.Files.getPosixFilePermissions(eml))
                .containsExactlyInAnyOrderElementsOf(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(
                jakarta.mail.Session.getInstance(new java.util.Properties()), Files.newInputStream(eml));
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("olga@example.com");
        assertThat((String) message.getContent()).contains("admin@outbox-one.com", generated);
        assertThat(folder.resolve("outbox/outbox-two.com-domain.eml")).exists();

        List<String> database = databaseDump();
        assertThat(database).anyMatch(line -> line.contains("outbox-bad"));
        for (String secret : List.of(generated, "Given-Passw0rd!", "Rejected-Passw0rd!")) {
            assertThat(database).noneMatch(line -> line.contains(secret));
            assertThat(output.getAll()).doesNotContain(secret);
            assertThat(Files.readString(tmp.resolve("logs/onboarding.log"))).doesNotContain(secret);
            assertThat(Files.readString(folder.resolve("results.csv"))).doesNotContain(secret);
            assertThat(Files.readString(folder.resolve("rejects.csv"))).doesNotContain(secret);
        }
    }

    @Test
    void noNotifySendsNothingAndLeavesTheCredentialsFileAsTheHandOver() throws Exception {
        Path input = write("silent.csv", HEADER + "silent-one.com,Silent Inc.,Sid Silent,12345,US,sid@example.com,Sid,Silent,\n");

        Run run = command("run", input.toString(), "--no-notify", "--onboarding.credentials-file=true");

        assertThat(run.exitCode()).isZero();
        Path folder = tmp.resolve("reports/silent-run1");
        assertThat(folder.resolve("outbox")).doesNotExist();
        assertThat(Files.readString(folder.resolve("credentials.csv")))
                .contains(sandbox.password("admin@silent-one.com").orElseThrow());
    }

    @Test
    void notifySendsACompleteCustomerItsNoticeAgainWithANewPasswordAndRefusesOtherDomains(CapturedOutput output)
            throws Exception {
        Path input = write("again.csv", HEADER + "again-one.com,Again Inc.,Ada Again,12345,US,ada@example.com,Ada,Again,\n");
        command("run", input.toString());
        String first = sandbox.password("admin@again-one.com").orElseThrow();

        Run notify = command("notify", "Again-One.com");

        assertThat(notify.exitCode()).isZero();
        assertThat(sandbox.requests().get(sandbox.requests().size() - 1).call()).isEqualTo("users.update");
        String second = sandbox.password("admin@again-one.com").orElseThrow();
        assertThat(second).isNotEqualTo(first);
        Path folder;
        try (var folders = Files.list(tmp.resolve("reports"))) {
            folder = folders.filter(f -> f.getFileName().toString().matches("notices-\\d{8}-\\d{6}")).findFirst()
                    .orElseThrow();
        }
        assertThat(Files.readString(folder.resolve("outbox/again-one.com-domain.eml"))).contains(second)
                .doesNotContain(first);
        assertThat(output.getOut()).contains("Again-One.com: notice sent", "Written into " + folder)
                .doesNotContain(second);
        assertThat(databaseDump()).anyMatch(line -> line.contains("'again-one.com'") && line.contains("'SENT'"));

        assertThat(command("notify", "never-here.com").exitCode()).isEqualTo(2);
        assertThat(output.getErr()).contains("never-here.com: not sent: never-here.com is not a customer this job has "
                + "onboarded completely");
        assertThat(command("notify", "again-one.com", "--onboarding.notices.enabled=false").exitCode()).isEqualTo(2);
        assertThat(output.getErr()).contains("again-one.com: not sent: notices are off "
                + "(onboarding.notices.enabled=false): nothing is sent");
    }

    @Test
    void notifyFindsACustomerHoweverItsDomainIsTyped(CapturedOutput output) throws Exception {
        // given an internationalised domain, which results.csv and the ledger show in its xn-- form
        Path input = write("idn.csv", HEADER
                + "bäckerei-müller.de,Müller KG,Max Müller,10115,DE,max@example.com,Max,Müller,\n");
        assertThat(command("run", input.toString()).exitCode()).isZero();
        assertThat(Files.readString(tmp.resolve("reports/idn-run1/results.csv")))
                .contains("\"xn--bckerei-mller-bfb28a.de\",\"\",\"ONBOARDED\"");

        // when the operator types it as they know it, or as a browser shows it
        for (String typed : List.of("bäckerei-müller.de", "Bäckerei-Müller.DE.", "https://bäckerei-müller.de/",
                "XN--BCKEREI-MLLER-BFB28A.DE")) {
            assertThat(command("notify", typed).exitCode()).as(typed).isZero();
            assertThat(output.getOut()).contains(typed + ": notice sent");
        }
        assertThat(command("notify", "--arrived", "https://bäckerei-müller.de").exitCode())
                .as("nothing uncertain to record").isEqualTo(2);
        assertThat(output.getErr()).contains("xn--bckerei-mller-bfb28a.de has no notice that a crash left uncertain");
    }

    @Test
    void runsListUncertainNoticesUntilTheOperatorRecordsThemAsArrived(CapturedOutput output) throws Exception {
        command("run", write("monday.csv", HEADER + "maybe-there.com,Maybe Inc.,Mia Maybe,12345,US,mia@example.com,"
                + "Mia,Maybe,\n").toString());
        String password = sandbox.password("admin@maybe-there.com").orElseThrow();
        // what a crash while the mail server had the message leaves behind
        sql("UPDATE PROVISIONING_LEDGER SET NOTICE_STATUS = 'UNCERTAIN' WHERE CUSTOMER_DOMAIN = 'maybe-there.com'");

        command("run", write("tuesday.csv", HEADER + "sure-there.com,Sure Inc.,Sue Sure,12345,US,sue@example.com,"
                + "Sue,Sure,\n").toString());
        assertThat(output.getOut()).contains("1 notices were cut short by a crash", "  maybe-there.com (to mia@example.com)",
                "notify --arrived DOMAIN...");

        Run arrived = command("notify", "--arrived", "maybe-there.com");

        assertThat(arrived.exitCode()).isZero();
        assertThat(arrived.sandboxCalls()).as("nothing sent, no new password").isZero();
        assertThat(sandbox.password("admin@maybe-there.com").orElseThrow()).isEqualTo(password);
        assertThat(output.getOut()).contains("maybe-there.com: recorded as arrived");
        assertThat(databaseDump()).anyMatch(line -> line.contains("'maybe-there.com'") && line.contains("'SENT'"));
        assertThat(command("notify", "--arrived", "maybe-there.com").exitCode()).isEqualTo(2);
        assertThat(output.getErr()).contains("maybe-there.com: not recorded: maybe-there.com has no notice that a "
                + "crash left uncertain (its notice is sent)");
        int listed = output.getOut().split("notices were cut short by a crash", -1).length - 1;
        command("run", write("wednesday.csv", HEADER + "later-there.com,Later Inc.,Lou Later,12345,US,lou@example.com,"
                + "Lou,Later,\n").toString());
        assertThat(output.getOut().split("notices were cut short by a crash", -1).length - 1).as("not listed again")
                .isEqualTo(listed);
    }

    @Test
    void notifyWaitsForARunThatIsWorkingOnTheCustomer(CapturedOutput output) throws Exception {
        command("run", write("busy.csv", HEADER + "busy-one.com,Busy Inc.,Bea Busy,12345,US,bea@example.com,Bea,"
                + "Busy,\n").toString());
        String password = sandbox.password("admin@busy-one.com").orElseThrow();
        // a run on another host is handing this customer over right now
        sql("INSERT INTO DOMAIN_CLAIM (CUSTOMER_DOMAIN, RUN_ID, HOST, PID, PROCESS_STARTED, CLAIMED_AT, EXPIRES_AT, "
                + "VERSION) VALUES ('busy-one.com', 42, 'night-host', 4242, '', TIMESTAMP '2026-12-04 02:00:00', "
                + "DATEADD('HOUR', 1, CURRENT_TIMESTAMP), 0)");

        Run notify = command("notify", "busy-one.com");

        assertThat(notify.exitCode()).as("try again").isEqualTo(3);
        assertThat(notify.sandboxCalls()).as("no new password while that run may be sending one").isZero();
        assertThat(sandbox.password("admin@busy-one.com").orElseThrow()).isEqualTo(password);
        assertThat(output.getErr()).contains("busy-one.com: not sent: run 42 (host night-host, process 4242) since "
                + "2026-12-04 02:00:00 is working on busy-one.com right now, and may be sending its notice: nothing "
                + "was sent. Try again once it has finished");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(io.onboarding.sandbox.TestTokens.Refusal.class)
    void aRefusedTokenIsExplainedFirstInTheSummaryAndStatusWithoutAStackTrace(
            io.onboarding.sandbox.TestTokens.Refusal refusal, CapturedOutput output) throws Exception {
        // given production credentials that Google refuses
        Path keyFile = new io.onboarding.google.TestServiceAccount().writeKeyFile(tmp, sandbox.tokenUri());
        sandbox.tokens().refuse(refusal);
        Path input = write("refused.csv", HEADER + "refused-one.com,Refused Inc.,Rita Refused,12345,US,rita@example.com,"
                + "Rita,Refused,\n");

        // when
        Run run = command("run", input.toString(), "--onboarding.mode=production",
                "--onboarding.google.credentials-file=" + keyFile,
                "--onboarding.google.delegated-admin=admin@reseller.example",
                "--onboarding.google.reseller-base-url=" + sandbox.baseUrl(),
                "--onboarding.google.directory-base-url=" + sandbox.baseUrl());
        Run status = command("status", "1");

        // then the run stopped, resumable, and its summary and status say what to authorise where, first
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(status.exitCode()).isEqualTo(1);
        String explanation = "run failure: Google issued no access token (" + (refusal
                == io.onboarding.sandbox.TestTokens.Refusal.INVALID_GRANT ? "invalid_grant" : "HTTP 401");
        assertThat(output.getOut()).contains("Run 1 FAILED: 0 rows\n  " + explanation, "Run 1: FAILED\n  " + explanation,
                "Security > API controls > Domain-wide delegation",
                "client ID " + io.onboarding.google.TestServiceAccount.CLIENT_ID)
                .doesNotContain("FatalStepExecutionException");
        // and the terminal shows no stack trace, which the log file keeps
        assertThat(output.getAll()).doesNotContain("\tat ");
        assertThat(Files.readString(tmp.resolve("logs/onboarding.log"))).contains("\tat ", "GoogleAuthException");
    }

    private void sql(String statement) throws Exception {
        try (java.sql.Connection connection = database()) {
            assertThat(connection.createStatement().executeUpdate(statement)).isEqualTo(1);
        }
    }

    @Test
    void statusAndHistoryShowRunsWithTheirCountsAndExitWithTheRunsCode(CapturedOutput output) throws Exception {
        Path good = write("good.csv", HEADER + "good-one.com,Good Inc.,Gus Good,12345,US,gus@example.com,Gus,Good,\n");
        Path mixed = write("mixed.csv", HEADER + "mixed-one.com,Mixed Inc.,Max Mix,12345,US,max@example.com,Max,Mix,\n"
                + "not a domain,Bad Inc.,Bo Bad,12345,US,bo@example.com,Bo,Bad,\n");
        command("run", good.toString());
        command("run", mixed.toString());

        assertThat(command("status", "1").exitCode()).isZero();
        assertThat(command("status", mixed.toString()).exitCode()).isEqualTo(3);
        assertThat(command("status").exitCode()).as("the latest run").isEqualTo(3);
        assertThat(command("status", "99").exitCode()).isEqualTo(2);
        assertThat(command("history").exitCode()).isZero();

        assertThat(output.getOut()).contains("Run 1: COMPLETED", "file:     " + good, "rows:     1 recorded, 0 to fix",
                "Run 2: COMPLETED", "rows:     2 recorded, 1 to fix", "INVALID              1",
                "report:   " + tmp.resolve("reports/mixed-run2/results.csv"))
                .containsPattern("RUN +STATUS +STARTED +ENDED +ROWS +DONE +TO FIX +FILE")
                .containsPattern("\\n2 +COMPLETED .* +2 +1 +1  " + java.util.regex.Pattern.quote(mixed.toString()))
                .containsPattern("\\n1 +COMPLETED .* +1 +1 +0  " + java.util.regex.Pattern.quote(good.toString()));
        assertThat(output.getErr()).contains("No run of 99");
    }

    private long orders() {
        return sandbox.requests().stream().filter(r -> r.call().equals("customers.insert") && r.applied()).count();
    }

    private record Run(int exitCode, int sandboxCalls, long jobExecutions) {
    }

    private Run run(Path input, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("run", input.toString()));
        args.addAll(List.of(extraArgs));
        return command(args.toArray(String[]::new));
    }

    /** The command as cron would type it, in this JVM, against the test's own sandbox and file database. */
    private Run command(String... command) {
        int before = sandbox.requests().size();
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--spring.datasource.url=jdbc:h2:file:" + tmp.resolve("db/onboarding"),
                "--onboarding.report-dir=" + tmp.resolve("reports"), "--onboarding.sandbox.url=" + sandbox.baseUrl(),
                "--logging.file.name=" + tmp.resolve("logs/onboarding.log")));
        int exitCode = OnboardingCommandLine.execute(args.toArray(String[]::new));
        return new Run(exitCode, sandbox.requests().size() - before, jobExecutions());
    }

    /** Every row of every table, as H2's SCRIPT writes it. */
    private List<String> databaseDump() throws Exception {
        List<String> lines = new ArrayList<>();
        try (java.sql.Connection connection = database();
                var result = connection.createStatement().executeQuery("SCRIPT")) {
            while (result.next()) {
                lines.add(result.getString(1));
            }
        }
        return lines;
    }

    private long jobExecutions() {
        try (java.sql.Connection connection = database()) {
            try (var result = connection.createStatement().executeQuery("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")) {
                result.next();
                return result.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            return 0;
        }
    }

    /**
     * The commands' file database, shared over AUTO_SERVER as the commands themselves share it, with the password
     * the first command generated.
     */
    private java.sql.Connection database() throws java.sql.SQLException {
        Path passwordFile = tmp.resolve("db/onboarding.db-password");
        String password;
        try {
            password = Files.exists(passwordFile) ? Files.readString(passwordFile).strip() : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return java.sql.DriverManager.getConnection("jdbc:h2:file:" + tmp.resolve("db/onboarding") + ";AUTO_SERVER=TRUE",
                "sa", password);
    }

    private Path write(String name, String content) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, content);
        return file;
    }
}
