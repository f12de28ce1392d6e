package io.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReader;
import io.onboarding.csv.CustomerColumn;
import io.onboarding.ledger.Outcome;
import io.onboarding.sandbox.RecordedRequest;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * The validation rules through the real job: a fixture with one bad row per rule (and several with many
 * problems) says in its own expectedOutcome / expectedMessage / expectedWarnings columns what each row
 * must yield; the job ignores those columns as unknown.
 */
class ValidationEndToEndTests extends JobEndToEndTest {

    @Test
    void everyRowGetsExactlyItsExpectedOutcomeAndMessage() throws Exception {
        Path input = fixture("validation-rules.csv");

        JobExecution execution = jobs.startJob(OnboardingJobParameters.forFile(input));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<Map<String, String>> expected = readWithLines(input, ',');
        Map<String, Map<String, String>> results = byLine(readWithLines(resultsOf(execution), ','));
        assertThat(expected).hasSizeGreaterThanOrEqualTo(51);
        assertThat(expected).filteredOn(row -> !row.get("expectedOutcome").equals("ONBOARDED")).hasSizeGreaterThanOrEqualTo(40);
        assertThat(results).hasSameSizeAs(expected);
        SoftAssertions softly = new SoftAssertions();
        for (Map<String, String> row : expected) {
            Map<String, String> result = results.get(row.get("@line"));
            String where = "line " + row.get("@line") + " (" + row.get("externalId") + ")";
            softly.assertThat(result).as(where).isNotNull();
            if (result != null) {
                softly.assertThat(result.get("outcome")).as(where + " outcome").isEqualTo(row.get("expectedOutcome"));
                softly.assertThat(result.get("errorMessage")).as(where + " message").isEqualTo(row.get("expectedMessage"));
                softly.assertThat(result.get("warnings")).as(where + " warnings").isEqualTo(row.get("expectedWarnings"));
            }
        }
        softly.assertAll();
    }

    @Test
    void noRejectedRowCostsACallAndEveryValidRowIsOrdered() throws Exception {
        Path input = fixture("validation-rules.csv");

        jobs.startJob(OnboardingJobParameters.forFile(input));

        List<Map<String, String>> rows = readWithLines(input, ',');
        Set<String> valid = rows.stream().filter(row -> row.get("expectedOutcome").equals("ONBOARDED"))
                .map(row -> row.get("customerDomain").toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<String> ordered = sandbox.requests().stream().filter(request -> request.call().equals("customers.insert"))
                .map(request -> request.body().replaceAll(".*\"customerDomain\":\"([^\"]+)\".*", "$1")).toList();
        assertThat(ordered).containsExactlyInAnyOrderElementsOf(valid);
        List<String> rejectedIds = rows.stream().filter(row -> !row.get("expectedOutcome").equals("ONBOARDED"))
                .map(row -> row.get("externalId")).toList();
        for (RecordedRequest request : sandbox.requests()) {
            assertThat(rejectedIds).noneMatch(id -> request.body() != null && request.body().contains("rule"
                    + id.substring(2) + "-"));
        }
    }

    @Test
    void rejectsCsvGivesBackTheRejectedRowsInTheInputsColumnsWithoutPasswords() throws Exception {
        Path input = fixture("validation-rules.csv");

        JobExecution execution = jobs.startJob(OnboardingJobParameters.forFile(input));

        Path rejects = resultsOf(execution).resolveSibling("rejects.csv");
        List<String[]> lines = readCsv(rejects, ',');
        List<String> inputHeader = List.of(readCsv(input, ',').get(0));
        List<String> expectedHeader = new ArrayList<>(inputHeader);
        expectedHeader.add("errors");
        assertThat(lines.get(0)).containsExactlyElementsOf(expectedHeader);
        assertThat(lines).hasSize(1 + 46);
        int passwordColumn = inputHeader.indexOf("adminPassword");
        int idColumn = inputHeader.indexOf("externalId");
        assertThat(lines.subList(1, lines.size())).allSatisfy(row -> {
            assertThat(row).hasSize(expectedHeader.size());
            assertThat(row[passwordColumn]).isEmpty();
            assertThat(row[row.length - 1]).matches("(INVALID|COUNTRY_NOT_ALLOWED|DUPLICATE_IN_FILE): .+");
        });
        assertThat(lines.get(1)[idColumn]).isEqualTo("R-01");
        assertThat(Files.readString(rejects)).doesNotContain("Short1!").doesNotContain("Passwört-12345");
    }

    @Test
    void aFixedRejectsFileCanBeSubmittedAsItIsEvenWithSemicolons() throws Exception {
        // given a semicolon export whose second row has a bad postal code and a phone a spreadsheet could run
        Path input = tmp.resolve("export.csv");
        Files.writeString(input, """
                customerDomain;organizationName;contactName;addressLine1;postalCode;countryCode;phoneNumber;alternateEmail;adminGivenName;adminFamilyName;externalId
                erste-gmbh.de;Erste GmbH;Eva Erste;"Weg 1; Hof";10115;DE;+49 30 1234567;eva@example.com;Eva;Erste;=1+1
                zweite-gmbh.de;Zweite GmbH;Zoe Zweite;Weg 2;1011;DE;+49 30 7654321;zoe@example.com;Zoe;Zweite;Z-2
                """);
        JobExecution first = jobs.startJob(OnboardingJobParameters.forFile(input));
        Path rejects = resultsOf(first).resolveSibling("rejects.csv");
        assertThat(Files.readString(rejects)).contains("\"'+49 30 7654321\"").contains(";");

        // when the operator fixes the postal code in rejects.csv and submits that file as it is
        Path fixed = tmp.resolve("rejects-fixed.csv");
        Files.writeString(fixed, Files.readString(rejects).replace("\"1011\"", "\"10117\""));
        sandbox.reset();
        JobExecution second = jobs.startJob(OnboardingJobParameters.forFile(fixed));

        // then the row is onboarded, with its phone number as it was written originally
        assertThat(readCsv(resultsOf(second), ',')).extracting(row -> row[1] + " " + row[3])
                .containsExactly("customerDomain outcome", "zweite-gmbh.de ONBOARDED");
        assertThat(sandbox.requests().get(0).body()).contains("\"phoneNumber\":\"+49307654321\"");
        assertThat(readCsv(resultsOf(first), ',')).extracting(row -> row[2]).contains("'=1+1");
    }

    @Test
    void bothReportsStartWithAByteOrderMarkForExcelAndTheRejectsStillReadBackAsTheSameRows() throws Exception {
        // given rows with umlauts, two of them rejected
        Path input = tmp.resolve("umlauts.csv");
        Files.writeString(input, """
                customerDomain,organizationName,contactName,postalCode,countryCode,alternateEmail,adminGivenName,adminFamilyName,adminPassword
                mueller-baeckerei.de,Bäckerei Müller,Jürgen Müller,1011,DE,j@example.com,Jürgen,Müller,Geheim-Passw0rt!
                weiss-gmbh.de,Weiß GmbH,Grete Weiß,10115,DE,g@example.com,Grete,Weiß,
                not a domain,Öl & Söhne,Ömer Öl,10115,DE,o@example.com,Ömer,Öl,
                """);

        // when
        JobExecution execution = jobs.startJob(OnboardingJobParameters.forFile(input));

        // then both reports open in Excel as UTF-8
        Path results = resultsOf(execution);
        Path rejects = results.resolveSibling("rejects.csv");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        assertThat(java.util.Arrays.copyOf(Files.readAllBytes(results), 3)).isEqualTo(bom);
        assertThat(java.util.Arrays.copyOf(Files.readAllBytes(rejects), 3)).isEqualTo(bom);
        assertThat(Files.readString(rejects)).contains("Bäckerei Müller", "Öl & Söhne");
        // and rejects.csv, submitted as it is, gives back the rejected rows as they came in (secrets blanked)
        List<io.onboarding.csv.CustomerRow> rejected = readRows(input).stream()
                .filter(row -> !row.cell(CustomerColumn.CUSTOMER_DOMAIN).equals("weiss-gmbh.de")).toList();
        List<io.onboarding.csv.CustomerRow> readBack = readRows(rejects);
        assertThat(readBack).extracting(row -> row.inputCells().subList(0, 9))
                .containsExactlyElementsOf(rejected.stream().map(io.onboarding.csv.CustomerRow::inputCells).toList());
        assertThat(readBack.get(0).cell(CustomerColumn.CUSTOMER_DOMAIN)).as("the first column, right after the mark")
                .isEqualTo("mueller-baeckerei.de");
        assertThat(readBack.get(0).cell(CustomerColumn.ADMIN_PASSWORD)).isEmpty();
    }

    private static List<io.onboarding.csv.CustomerRow> readRows(Path file) {
        List<io.onboarding.csv.CustomerRow> rows = new ArrayList<>();
        try (io.onboarding.csv.CustomerCsvFile csv = io.onboarding.csv.CustomerCsvFile.open(file)) {
            for (io.onboarding.csv.CustomerRow row = csv.next(); row != null; row = csv.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void aRowWithAStrayCommaLeaksNeitherItsPasswordNorItsTokenIntoTheReports() throws Exception {
        // given a comma in an unquoted address: every later cell slides one column to the right
        Path input = tmp.resolve("shifted.csv");
        Files.writeString(input, "customerDomain,organizationName,contactName,addressLine1,postalCode,countryCode,"
                + "alternateEmail,adminGivenName,adminFamilyName,adminPassword,customerAuthToken,externalId\n"
                + "shift.de,Shift GmbH,Sue Shift,Weg 1, Haus 2,10115,DE,sue@example.com,Sue,Shift,S3cret-Passw0rd!,"
                + "deadbeef01,X-1\n");

        JobExecution execution = jobs.startJob(OnboardingJobParameters.forFile(input));

        String results = Files.readString(resultsOf(execution));
        String rejects = Files.readString(resultsOf(execution).resolveSibling("rejects.csv"));
        assertThat(results).contains("INVALID").doesNotContain("S3cret-Passw0rd!").doesNotContain("deadbeef01");
        assertThat(rejects).contains("shift.de").doesNotContain("S3cret-Passw0rd!").doesNotContain("deadbeef01");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ONBOARDING_ROW_RESULT WHERE INPUT_CELLS LIKE '%S3cret%' "
                + "OR INPUT_CELLS LIKE '%deadbeef01%' OR EXTERNAL_ID LIKE '%deadbeef%'").query(Long.class).single())
                .isZero();
    }

    @Test
    void aDryRunValidatesAndReportsWithoutAnyCallAndDoesNotBlockTheRealRun() throws Exception {
        Path input = fixture("validation-rules.csv");

        JobExecution dry = jobs.startJob(OnboardingJobParameters.forDryRun(input, Instant.now()));
        JobExecution again = jobs.startJob(OnboardingJobParameters.forDryRun(input, Instant.now().plusSeconds(1)));

        assertThat(sandbox.requests()).isEmpty();
        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Long> outcomes = readWithLines(resultsOf(dry), ',').stream()
                .collect(Collectors.groupingBy(row -> row.get("outcome"), Collectors.counting()));
        assertThat(outcomes).containsEntry(Outcome.VALID.name(), 6L).containsEntry(Outcome.INVALID.name(), 41L)
                .doesNotContainKey(Outcome.ONBOARDED.name());
        assertThat(Files.exists(resultsOf(dry).resolveSibling("rejects.csv"))).isTrue();

        JobExecution real = jobs.startJob(OnboardingJobParameters.forFile(input));
        assertThat(real.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(sandbox.requests()).isNotEmpty();
    }

    private static Map<String, Map<String, String>> byLine(List<Map<String, String>> rows) {
        Map<String, Map<String, String>> byLine = new HashMap<>();
        rows.forEach(row -> byLine.put(row.get("line"), row));
        return byLine;
    }

    /** The rows as header → cell maps, each with its physical starting line under {@code @line}. */
    private static List<Map<String, String>> readWithLines(Path file, char separator) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader reader = open(file); CSVReader csv = csvReader(reader, separator)) {
            String[] header = csv.readNext();
            long line = csv.getLinesRead() + 1;
            for (String[] cells = csv.readNext(); cells != null; cells = csv.readNext()) {
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], i < cells.length ? cells[i] : "");
                }
                row.put("@line", Long.toString(line));
                rows.add(row);
                line = csv.getLinesRead() + 1;
            }
        }
        return rows;
    }

}
