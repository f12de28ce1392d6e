package io.onboarding.csv;

import static io.onboarding.csv.CustomerColumn.ADDRESS_LINE1;
import static io.onboarding.csv.CustomerColumn.ADMIN_PASSWORD;
import static io.onboarding.csv.CustomerColumn.ALTERNATE_EMAIL;
import static io.onboarding.csv.CustomerColumn.CONTACT_NAME;
import static io.onboarding.csv.CustomerColumn.COUNTRY_CODE;
import static io.onboarding.csv.CustomerColumn.CUSTOMER_AUTH_TOKEN;
import static io.onboarding.csv.CustomerColumn.CUSTOMER_DOMAIN;
import static io.onboarding.csv.CustomerColumn.CUSTOMER_TYPE;
import static io.onboarding.csv.CustomerColumn.EXTERNAL_ID;
import static io.onboarding.csv.CustomerColumn.LANGUAGE;
import static io.onboarding.csv.CustomerColumn.ORGANIZATION_NAME;
import static io.onboarding.csv.CustomerColumn.PHONE_NUMBER;
import static io.onboarding.csv.CustomerColumn.POSTAL_CODE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class CustomerCsvFileTests {

    private static final String HEADER = "customerDomain,organizationName,contactName,postalCode,countryCode\n";

    @TempDir
    Path tmp;

    @Test
    void headerIsMatchedIgnoringCaseAndOrder() throws Exception {
        Path file = write("COUNTRYCODE, postalcode ,ContactName,organizationNAME,CustomerDomain,Language\n"
                + "DE,10115,Erika Mustermann,Example GmbH,example.com,de\n");

        List<CustomerRow> rows = readAll(file);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.cell(CUSTOMER_DOMAIN)).isEqualTo("example.com");
            assertThat(row.cell(ORGANIZATION_NAME)).isEqualTo("Example GmbH");
            assertThat(row.cell(CONTACT_NAME)).isEqualTo("Erika Mustermann");
            assertThat(row.cell(POSTAL_CODE)).isEqualTo("10115");
            assertThat(row.cell(COUNTRY_CODE)).isEqualTo("DE");
            assertThat(row.cell(LANGUAGE)).isEqualTo("de");
        });
    }

    @Test
    void columnsAbsentFromTheHeaderAreNull() throws Exception {
        Path file = write(HEADER + "example.com,Example GmbH,Erika,10115,DE\n");

        CustomerRow row = readAll(file).get(0);

        assertThat(row.cell(CUSTOMER_TYPE)).isNull();
        assertThat(row.cell(ALTERNATE_EMAIL)).isNull();
        assertThat(row.cell(ADMIN_PASSWORD)).isNull();
        assertThat(row.formatError()).isNull();
    }

    @Test
    void utf8ByteOrderMarkIsSkippedSoTheFirstColumnIsRecognised() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write((HEADER + "example.com,Müller GmbH,Jürgen Weiß,10115,DE\n").getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(tmp.resolve("bom.csv"), bytes.toByteArray());

        List<CustomerRow> rows = readAll(file);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.cell(CUSTOMER_DOMAIN)).isEqualTo("example.com");
            assertThat(row.cell(ORGANIZATION_NAME)).isEqualTo("Müller GmbH");
            assertThat(row.cell(CONTACT_NAME)).isEqualTo("Jürgen Weiß");
        });
    }

    @Test
    void quotedCellsFollowRfc4180() throws Exception {
        Path file = write(HEADER
                + "example.com,\"Example, Inc.\",\"Erika \"\"Eri\"\" Mustermann\",\"10115\nBerlin\",DE\n"
                + "back\\slash.com,\"C:\\temp\\\",Anna \\n Lee,12345,US\n");

        List<CustomerRow> rows = readAll(file);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).cell(ORGANIZATION_NAME)).isEqualTo("Example, Inc.");
        assertThat(rows.get(0).cell(CONTACT_NAME)).isEqualTo("Erika \"Eri\" Mustermann");
        assertThat(rows.get(0).cell(POSTAL_CODE)).isEqualTo("10115\nBerlin");
        assertThat(rows.get(0).cell(COUNTRY_CODE)).isEqualTo("DE");
        assertThat(rows.get(0).formatError()).isNull();
        assertThat(rows.get(1).cell(CUSTOMER_DOMAIN)).isEqualTo("back\\slash.com");
        assertThat(rows.get(1).cell(ORGANIZATION_NAME)).isEqualTo("C:\\temp\\");
        assertThat(rows.get(1).cell(CONTACT_NAME)).isEqualTo("Anna \\n Lee");
        assertThat(rows.get(1).formatError()).isNull();
    }

    @Test
    void lineIsThePhysicalLineWhereTheRowStarts() throws Exception {
        Path file = write(HEADER
                + "a.com,A,Ann,1,DE\n"
                + "b.com,\"B\nspread over\nthree lines\",Bob,2,DE\n"
                + "c.com,C,Cy,3,DE\n");

        List<CustomerRow> rows = readAll(file);

        assertThat(rows).extracting(row -> row.cell(CUSTOMER_DOMAIN)).containsExactly("a.com", "b.com", "c.com");
        assertThat(rows).extracting(CustomerRow::line).containsExactly(2L, 3L, 6L);
    }

    @Test
    void blankLinesAreSkippedButCounted() throws Exception {
        Path file = write(HEADER
                + "\n"
                + "a.com,A,Ann,1,DE\n"
                + "   \n"
                + ",,,,\n"
                + "b.com,B,Bob,2,DE\n"
                + "\n");

        List<CustomerRow> rows = readAll(file);

        assertThat(rows).extracting(row -> row.cell(CUSTOMER_DOMAIN)).containsExactly("a.com", "b.com");
        assertThat(rows).extracting(CustomerRow::line).containsExactly(3L, 6L);
    }

    @Test
    void shortRowGetsEmptyStringsForMissingTrailingCells() throws Exception {
        Path file = write(HEADER + "a.com,A\n");

        CustomerRow row = readAll(file).get(0);

        assertThat(row.cell(CUSTOMER_DOMAIN)).isEqualTo("a.com");
        assertThat(row.cell(ORGANIZATION_NAME)).isEqualTo("A");
        assertThat(row.cell(CONTACT_NAME)).isEmpty();
        assertThat(row.cell(POSTAL_CODE)).isEmpty();
        assertThat(row.cell(COUNTRY_CODE)).isEmpty();
        assertThat(row.formatError()).isNull();
        assertThat(row.shortfall()).isEqualTo(new CustomerRow.Shortfall(2, 5,
                List.of(CONTACT_NAME, POSTAL_CODE, COUNTRY_CODE)));
        assertThat(readAll(write(HEADER + "a.com,A,Ann,1,DE\n")).get(0).shortfall()).as("a full row").isNull();
    }

    @Test
    void rowWithMoreCellsThanTheHeaderGetsAFormatError() throws Exception {
        Path file = write(HEADER + "a.com,Example, Inc.,Ann,1,DE\n");

        CustomerRow row = readAll(file).get(0);

        assertThat(row.formatError()).contains("6 cells", "header has 5");
        assertThat(row.cell(CUSTOMER_DOMAIN)).isEqualTo("a.com");
    }

    @Test
    void missingRequiredColumnsAreAllNamed() throws Exception {
        Path file = write("customerDomain,contactName,countryCode\na.com,Ann,DE\n");

        assertThatThrownBy(() -> CustomerCsvFile.open(file))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("lacks required columns organizationName, postalCode (found: ")
                .hasMessageContaining("customerDomain, contactName, countryCode");
    }

    @Test
    void oneMissingRequiredColumnIsNamed() throws Exception {
        Path file = write("customerDomain,organizationName,contactName,countryCode\na.com,A,Ann,DE\n");

        assertThatThrownBy(() -> CustomerCsvFile.open(file))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("lacks required column postalCode");
    }

    @Test
    void columnNamedTwiceIsRefused() throws Exception {
        Path file = write("customerDomain,organizationName,contactName,postalCode,countryCode,CUSTOMERDOMAIN\n");

        assertThatThrownBy(() -> CustomerCsvFile.open(file))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("'customerDomain' twice")
                .hasMessageContaining("columns 1 and 6");
    }

    @Test
    void anEmptyFileSaysSo() throws Exception {
        Path file = write("");
        Path blankLinesOnly = write("\n  \n\n");

        assertThatThrownBy(() -> CustomerCsvFile.open(file))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("is empty: it needs a header row");
        assertThatThrownBy(() -> CustomerCsvFile.inspect(blankLinesOnly))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("is empty");
    }

    @Test
    void aHeaderWithoutRowsIsRefusedNamingTheFileEvenWithBlankLinesAfterIt() throws Exception {
        Path headerOnly = write(HEADER);
        Path blankLinesAfter = write(HEADER + "\n   \n,,,,\n\n");

        for (Path file : List.of(headerOnly, blankLinesAfter)) {
            assertThatThrownBy(() -> CustomerCsvFile.inspect(file))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageStartingWith("The file " + file + " has a header but no rows");
        }
    }

    @Test
    void aHeaderOfEmptyCellsIsNoHeader() throws Exception {
        Path file = write(",,,\na.com,A,Ann,1\n");

        assertThatThrownBy(() -> CustomerCsvFile.open(file))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("no header row");
    }

    @Test
    void inspectNamesTheFirstLineThatIsNotUtf8() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write((HEADER + "a.com,A,Ann,1,DE\n").getBytes(StandardCharsets.UTF_8));
        bytes.write("b.com,B,M\u00fcller,2,DE\n".getBytes(StandardCharsets.ISO_8859_1));
        bytes.write("c.com,C,Cy,3,DE\n".getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(tmp.resolve("latin1.csv"), bytes.toByteArray());

        int offset = (HEADER + "a.com,A,Ann,1,DE\nb.com,B,M").getBytes(StandardCharsets.UTF_8).length;

        assertThatThrownBy(() -> CustomerCsvFile.inspect(file))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("is not UTF-8 (line 3, byte offset " + offset + ")")
                .hasMessageContaining("CSV UTF-8");
    }

    @Test
    void readingANonUtf8FileRowByRowAlsoFails() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write((HEADER + "a.com,A,Ann,1,DE\n").getBytes(StandardCharsets.UTF_8));
        bytes.write("b.com,B,M\u00fcller,2,DE\n".getBytes(StandardCharsets.ISO_8859_1));
        Path file = Files.write(tmp.resolve("latin1.csv"), bytes.toByteArray());

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("is not UTF-8");
    }

    @Test
    void nonExistentFileIsReported() {
        Path file = tmp.resolve("nope.csv");

        assertThatThrownBy(() -> CustomerCsvFile.open(file))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> CustomerCsvFile.inspect(file))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void inspectCountsDataRowsAndReportsUnknownColumns() throws Exception {
        Path file = write("customerDomain,organizationName,Notes,contactName,postalCode,countryCode, Sales Rep ,\n"
                + "a.com,A,n1,Ann,1,DE,x,\n"
                + "\n"
                + "b.com,\"B\nInc.\",n2,Bob,2,DE,y,\n"
                + "c.com,C,n3,Cy,3,DE,z,\n");

        CustomerCsvFile.Inspection inspection = CustomerCsvFile.inspect(file);

        assertThat(inspection.rows()).isEqualTo(3);
        assertThat(inspection.unknownColumns()).containsExactly("Notes", "Sales Rep");
    }

    @Test
    void openFileReportsUnknownColumnsToo() throws Exception {
        Path file = write("customerDomain,organizationName,contactName,postalCode,countryCode,remarks\n");

        try (CustomerCsvFile csv = CustomerCsvFile.open(file)) {
            assertThat(csv.unknownColumns()).containsExactly("remarks");
            assertThat(csv.next()).isNull();
        }
    }

    @Test
    void rowToStringHidesPasswordAndTransferToken() {
        Map<CustomerColumn, String> cells = new EnumMap<>(CustomerColumn.class);
        cells.put(CUSTOMER_DOMAIN, "example.com");
        cells.put(CUSTOMER_TYPE, "domain");
        cells.put(ORGANIZATION_NAME, "Example");
        cells.put(ALTERNATE_EMAIL, "it@example.org");
        cells.put(ADMIN_PASSWORD, "S3cret-Passw0rd");
        cells.put(CUSTOMER_AUTH_TOKEN, "tok-123-SECRET");
        cells.put(EXTERNAL_ID, "CRM-9");
        CustomerRow row = new CustomerRow(7, cells, null, null, List.of());

        String text = row.toString();

        assertThat(text).doesNotContain("S3cret-Passw0rd").doesNotContain("tok-123-SECRET")
                .contains("line=7", "example.com", "CRM-9", "adminPassword=(hidden)", "customerAuthToken=(hidden)");
    }

    @Test
    void readerRestartsAfterTheLastSavedPosition() throws Exception {
        Path file = write(HEADER
                + "a.com,A,Ann,1,DE\n"
                + "b.com,B,Bob,2,DE\n"
                + "c.com,C,Cy,3,DE\n"
                + "d.com,D,Di,4,DE\n");
        ExecutionContext context = new ExecutionContext();
        CustomerCsvReader first = new CustomerCsvReader(file);
        first.open(context);
        List<String> firstRun = List.of(first.read().cell(CUSTOMER_DOMAIN), first.read().cell(CUSTOMER_DOMAIN));
        first.update(context);
        first.close();

        CustomerCsvReader second = new CustomerCsvReader(file);
        second.open(context);
        CustomerRow third = second.read();
        CustomerRow fourth = second.read();
        CustomerRow end = second.read();
        second.close();

        assertThat(firstRun).containsExactly("a.com", "b.com");
        assertThat(third.cell(CUSTOMER_DOMAIN)).isEqualTo("c.com");
        assertThat(third.line()).isEqualTo(4L);
        assertThat(fourth.cell(CUSTOMER_DOMAIN)).isEqualTo("d.com");
        assertThat(end).isNull();
        // The checkpoint is a count of rows, never a row: how a row is modelled is free to change between runs.
        assertThat(context.entrySet()).extracting(Map.Entry::getKey).containsExactly("customerCsvReader.read.count");
    }

    @Test
    void semicolonSeparatedFileWithQuotedCellsIsReadCellByCell() throws Exception {
        Path file = write("customerDomain;organizationName;contactName;postalCode;countryCode;addressLine1\n"
                + "a.com;\"Example; Inc.\";\"Mustermann, Erika\";10115;DE;\"Hauptstraße 1; Hof, links\"\n"
                + "b.com;B;Bob;2;IT;Via Roma 1\n");

        List<CustomerRow> rows = readAll(file);

        assertThat(rows).hasSize(2);
        CustomerRow first = rows.get(0);
        assertThat(first.cell(CUSTOMER_DOMAIN)).isEqualTo("a.com");
        assertThat(first.cell(ORGANIZATION_NAME)).isEqualTo("Example; Inc.");
        assertThat(first.cell(CONTACT_NAME)).isEqualTo("Mustermann, Erika");
        assertThat(first.cell(POSTAL_CODE)).isEqualTo("10115");
        assertThat(first.cell(COUNTRY_CODE)).isEqualTo("DE");
        assertThat(first.cell(ADDRESS_LINE1)).isEqualTo("Hauptstraße 1; Hof, links");
        assertThat(first.formatError()).isNull();
        assertThat(rows.get(1).cell(COUNTRY_CODE)).isEqualTo("IT");
        assertThat(rows.get(1).cell(ADDRESS_LINE1)).isEqualTo("Via Roma 1");
        try (CustomerCsvFile csv = CustomerCsvFile.open(file)) {
            assertThat(csv.separator()).isEqualTo(';');
        }
        CustomerCsvFile.Inspection inspection = CustomerCsvFile.inspect(file);
        assertThat(inspection.separator()).isEqualTo(';');
        assertThat(inspection.rows()).isEqualTo(2);
    }

    @Test
    void commaSeparatedFileReportsComma() throws Exception {
        Path file = write("\"notes; internal; x\"," + HEADER + "n,a.com,A,Ann,1,DE\n");

        assertThat(CustomerCsvFile.inspect(file).separator()).isEqualTo(',');
        assertThat(readAll(file)).singleElement().satisfies(row -> {
            assertThat(row.cell(CUSTOMER_DOMAIN)).isEqualTo("a.com");
            assertThat(row.cell(COUNTRY_CODE)).isEqualTo("DE");
        });
    }

    @Test
    void blankLinesBeforeTheHeaderAreSkippedAndCounted() throws Exception {
        Path file = write("\n   \n\n" + HEADER
                + "a.com,A,Ann,1,DE\n"
                + "b.com,B,Bob,2,DE\n");

        List<CustomerRow> rows = readAll(file);

        assertThat(rows).extracting(row -> row.cell(CUSTOMER_DOMAIN)).containsExactly("a.com", "b.com");
        assertThat(rows).extracting(CustomerRow::line).containsExactly(5L, 6L);
    }

    @Test
    void trailingEmptyExtraCellsAreNoFormatError() throws Exception {
        Path file = write(HEADER + "a.com,A,Ann,1,DE,,\n" + "b.com,B,Bob,2,DE, ,\n");

        List<CustomerRow> rows = readAll(file);

        assertThat(rows).extracting(CustomerRow::formatError).containsExactly(null, null);
        assertThat(rows.get(0).cell(COUNTRY_CODE)).isEqualTo("DE");
        assertThat(rows.get(0).inputCells()).containsExactly("a.com", "A", "Ann", "1", "DE");
    }

    @Test
    void extraCellWithContentIsAFormatError() throws Exception {
        Path file = write(HEADER + "a.com,A,Ann,1,DE,,x\n");

        CustomerRow row = readAll(file).get(0);

        assertThat(row.formatError()).isEqualTo(
                "the row has 7 cells but the header has 5: is a separator (comma or semicolon) inside a cell that is not quoted?");
    }

    @Test
    void cellsBlankThePasswordButTheRowKeepsIt() throws Exception {
        Path file = write("customerDomain,adminPassword,organizationName,contactName,postalCode,countryCode\n"
                + "a.com,S3cure!pass,A,Ann,1,DE\n");

        CustomerRow row = readAll(file).get(0);

        assertThat(row.cell(ADMIN_PASSWORD)).isEqualTo("S3cure!pass");
        assertThat(row.inputCells()).containsExactly("a.com", "", "A", "Ann", "1", "DE");
        assertThat(row.inputCells()).doesNotContain("S3cure!pass");
    }

    @Test
    void cellsArePaddedToTheHeaderWidth() throws Exception {
        Path file = write(HEADER + "a.com,A\n");

        assertThat(readAll(file).get(0).inputCells()).containsExactly("a.com", "A", "", "", "");
    }

    @Test
    void cellsAreCutToTheHeaderWidth() throws Exception {
        Path file = write(HEADER + "a.com,A,Ann,1,DE,extra,more\n");

        CustomerRow row = readAll(file).get(0);

        assertThat(row.inputCells()).containsExactly("a.com", "A", "Ann", "1", "DE");
        assertThat(row.formatError()).contains("7 cells");
    }

    @Test
    void apostropheBeforeAFormulaCharacterIsDroppedWhenReading() throws Exception {
        Path file = write("customerDomain,organizationName,contactName,postalCode,countryCode,phoneNumber,addressLine1\n"
                + "a.com,'=Acme,O'Brien,1,DE,'+49 30 123,'quoted'\n");

        CustomerRow row = readAll(file).get(0);

        assertThat(row.cell(PHONE_NUMBER)).isEqualTo("+49 30 123");
        assertThat(row.cell(ORGANIZATION_NAME)).isEqualTo("=Acme");
        assertThat(row.cell(CONTACT_NAME)).isEqualTo("O'Brien");
        assertThat(row.cell(ADDRESS_LINE1)).isEqualTo("'quoted'");
        assertThat(row.inputCells()).containsExactly("a.com", "=Acme", "O'Brien", "1", "DE", "+49 30 123", "'quoted'");
    }

    private int files;

    private Path write(String content) throws Exception {
        return Files.writeString(tmp.resolve("customers-" + ++files + ".csv"), content, StandardCharsets.UTF_8);
    }

    /** Every row of a file, in order; the hostile-file tests read theirs the same way. */
    static List<CustomerRow> readAll(Path path) {
        List<CustomerRow> rows = new ArrayList<>();
        try (CustomerCsvFile file = CustomerCsvFile.open(path)) {
            for (CustomerRow row = file.next(); row != null; row = file.next()) {
                rows.add(row);
            }
        }
        return rows;
    }
}
