package io.onboarding.job;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import io.onboarding.sandbox.TestSandbox;
import io.onboarding.sandbox.TestSandboxConfiguration;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** What the job's end-to-end tests share: the real job, the embedded sandbox (reset per test), fixtures. */
@Import(TestSandboxConfiguration.class)
@SpringBootTest
@SpringBatchTest
@ActiveProfiles("test")
abstract class JobEndToEndTest {

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    TestSandbox sandbox;

    @TempDir
    Path tmp;

    @Autowired
    JdbcClient jdbc;

    /** Each test starts from a Google that knows only its seed, and a ledger that knows nothing. */
    @BeforeEach
    void resetSandboxAndLedger() {
        sandbox.reset();
        jdbc.sql("DELETE FROM PROVISIONING_LEDGER").update();
        jdbc.sql("DELETE FROM DOMAIN_CLAIM").update();
    }

    /** A copy of {@code src/test/resources/fixtures/<name>} in this test's folder: each copy is a new run. */
    Path fixture(String name) throws Exception {
        Path copy = tmp.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/fixtures/" + name)) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    /** Where the ledger says this customer's notice stands. */
    String noticeStatus(String domain) {
        return jdbc.sql("SELECT NOTICE_STATUS FROM PROVISIONING_LEDGER WHERE CUSTOMER_DOMAIN = ?").param(domain)
                .query(String.class).single();
    }

    /** The header of {@link #customerRows}. */
    static final String SIMPLE_HEADER = "customerDomain,organizationName,contactName,postalCode,countryCode,"
            + "alternateEmail,adminGivenName,adminFamilyName\n";

    /** {@code count} valid US domain customers {@code <prefix>-<i>.com}, in {@link #SIMPLE_HEADER}'s columns. */
    static String customerRows(String prefix, int count) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < count; i++) {
            rows.append(prefix).append('-').append(i).append(".com,Org ").append(i).append(",Kim Kunde,12345,US,")
                    .append("kim@example.org,Kim,Kunde\n");
        }
        return rows.toString();
    }

    static Path resultsOf(JobExecution execution) {
        return Path.of(execution.getExecutionContext().getString(WriteReportTasklet.RESULTS_PATH));
    }

    static List<String[]> readCsv(Path file, char separator) throws Exception {
        try (Reader reader = open(file); CSVReader csv = csvReader(reader, separator)) {
            return csv.readAll();
        }
    }

    /** The file's text, without the byte-order mark the reports start with (as a spreadsheet reads them). */
    static Reader open(Path file) throws java.io.IOException {
        java.io.BufferedReader reader = Files.newBufferedReader(file);
        reader.mark(1);
        if (reader.read() != io.onboarding.csv.CustomerCsvFile.BYTE_ORDER_MARK) {
            reader.reset();
        }
        return reader;
    }

    static CSVReader csvReader(Reader reader, char separator) {
        return new CSVReaderBuilder(reader).withCSVParser(new CSVParserBuilder().withSeparator(separator).build())
                .build();
    }
}
