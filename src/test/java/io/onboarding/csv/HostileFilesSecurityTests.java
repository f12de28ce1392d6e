package io.onboarding.csv;

import static io.onboarding.csv.CustomerColumn.ADMIN_PASSWORD;
import static io.onboarding.csv.CustomerColumn.CUSTOMER_AUTH_TOKEN;
import static io.onboarding.csv.CustomerColumn.CUSTOMER_DOMAIN;
import static io.onboarding.csv.CustomerColumn.ORGANIZATION_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files made to hurt: a quote left open before the secrets, cells and rows without end, Excel for Mac's lone CR,
 * formula-looking secrets. None may leak a secret, take memory the size of the file, or change a password.
 */
class HostileFilesSecurityTests {

    private static final String HEADER = "customerDomain,organizationName,contactName,postalCode,countryCode,"
            + "adminPassword,customerAuthToken\n";

    @TempDir
    Path tmp;

    @Nested
    class SecretsInErrors {

        @Test
        void aQuoteLeftOpenBeforeTheSecretsNamesLineAndColumnAndNeverTheirText() throws Exception {
            // given a quote opened in organizationName and never closed: opencsv's message quotes what follows
            Path file = write(HEADER + "acme.de,\"Acme GmbH,Anna,10115,DE,Pa55-word-SECRET!,0123abcdefSECRETTOKEN\n"
                    + "beta.de,Beta,Bert,10115,DE,,\n");

            // when / then
            assertThatThrownBy(() -> CustomerCsvFile.inspect(file))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageContaining("line 2")
                    .hasMessageContaining("the quote that opens column 2 (organizationName) on line 2 is never closed")
                    .hasMessageNotContaining("SECRET")
                    .hasMessageNotContaining("Pa55")
                    .hasMessageNotContaining("0123abcdef");
        }

        @Test
        void noMessageCarriesTheCauseThatQuotesTheText() throws Exception {
            // given
            Path file = write(HEADER + "acme.de,Acme,\"Anna,10115,DE,Pa55-word-SECRET!,tok\n");

            // when / then: a cause would print opencsv's message (and the text) in a stack trace
            assertThatThrownBy(() -> CustomerCsvFile.inspect(file)).satisfies(e -> {
                assertThat(e.getCause()).isNull();
                assertThat(String.valueOf(e)).doesNotContain("SECRET");
            });
        }
    }

    @Nested
    class SecretsInValues {

        @Test
        void aFileWithoutHeaderIsRefusedWithoutRepeatingItsFirstRow() throws Exception {
            // given a data row where the header should be
            Path file = write("acme.de,Acme,Anna,10115,DE,Pa55-word-SECRET!,0123abcdef\n");

            // when / then
            assertThatThrownBy(() -> CustomerCsvFile.open(file).close()).isInstanceOf(CsvFormatException.class)
                    .hasMessageContaining("names none of the columns").hasMessageNotContaining("SECRET");
        }

        @Test
        void aRowShiftedByAStraySeparatorKeepsItsSecretsOutOfEveryLaterColumn() throws Exception {
            // given a comma in an unquoted organization name: the password lands under customerAuthToken and the
            // token beyond the header
            Path file = write(HEADER + "acme.de,Acme, GmbH,Anna,10115,DE,Pa55-word-SECRET!,0123abcdef\n");

            // when
            CustomerRow row = CustomerCsvFileTests.readAll(file).get(0);

            // then
            assertThat(row.formatError()).contains("8 cells but the header has 7");
            assertThat(row.cell(ADMIN_PASSWORD)).isEmpty();
            assertThat(row.cell(CUSTOMER_AUTH_TOKEN)).isEmpty();
            assertThat(row.toString()).doesNotContain("SECRET");
        }
    }

    @Nested
    class Bounds {

        @Test
        void aCellLongerThan1000CharactersIsRefusedWithItsLineAndColumn() throws Exception {
            // given
            Path file = write(HEADER + "acme.de,Acme,Anna,10115,DE,,\n" + "beta.de," + "x".repeat(1_001) + ",Bert,1,DE,,\n");

            // when / then
            assertThatThrownBy(() -> CustomerCsvFile.inspect(file)).isInstanceOf(CsvFormatException.class)
                    .hasMessageContaining("Line 3: the cell in column 2 is longer than 1,000 characters");
        }

        @Test
        void aCellOf1000CharactersIsRead() throws Exception {
            // given
            Path file = write(HEADER + "beta.de,\"" + "x".repeat(1_000) + "\",Bert,1,DE,,\n");

            // when
            List<CustomerRow> rows = CustomerCsvFileTests.readAll(file);

            // then
            assertThat(rows).singleElement().extracting(row -> row.cell(ORGANIZATION_NAME)).isEqualTo("x".repeat(1_000));
        }

        @Test
        void aRowLongerThan64KilobytesIsRefusedWithItsLine() throws Exception {
            // given a row of 100 cells of 700 characters each: no cell too long, the row far too long
            String wide = ("y".repeat(700) + ",").repeat(100);
            Path file = write(HEADER + "acme.de,Acme,Anna,10115,DE,,\n" + wide + "\n");

            // when / then
            assertThatThrownBy(() -> CustomerCsvFile.inspect(file)).isInstanceOf(CsvFormatException.class)
                    .hasMessageContaining("Line 3: the row is longer than 65,536 characters");
        }

        @Test
        void aQuoteLeftOpenAtTheTopOfABigFileStopsAtTheCellBoundNotAtTheEnd() throws Exception {
            // given 20,000 rows after a quote that swallows them all
            Path file = tmp.resolve("open-quote.csv");
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write(HEADER + "acme.de,\"Acme,Anna,10115,DE,Secret-1,\n");
                for (int i = 0; i < 20_000; i++) {
                    out.write("row" + i + ".de,Org,Anna,10115,DE,Secret-" + i + ",\n");
                }
            }

            // when / then: refused where the swallowed cell passes 1,000 characters, naming no secret
            assertThatThrownBy(() -> CustomerCsvFile.inspect(file)).isInstanceOf(CsvFormatException.class)
                    .hasMessageContaining("is longer than 1,000 characters")
                    .hasMessageContaining("is a quote left open?")
                    .hasMessageNotContaining("Secret");
        }

        @Test
        void theHeaderIsBoundedToo() throws Exception {
            // given
            Path file = write("customerDomain," + "h".repeat(5_000) + ",organizationName\n");

            // when / then
            assertThatThrownBy(() -> CustomerCsvFile.open(file).close()).isInstanceOf(CsvFormatException.class)
                    .hasMessageContaining("Line 1: the cell in column 2 is longer than 1,000 characters");
        }
    }

    @Nested
    class LineEndings {

        @Test
        void excelForMacLoneCarriageReturnsEndRowsAndLinesAreCounted() throws Exception {
            // given "CSV (Macintosh)": rows ended by CR alone
            Path file = write(HEADER.replace("\n", "\r") + "acme.de,Acme,Anna,10115,DE,,\r\rbeta.de,Beta,Bert,1,DE,,\r");

            // when
            List<CustomerRow> rows = CustomerCsvFileTests.readAll(file);
            CustomerCsvFile.Inspection inspection = CustomerCsvFile.inspect(file);

            // then
            assertThat(rows).extracting(row -> row.cell(CUSTOMER_DOMAIN)).containsExactly("acme.de", "beta.de");
            assertThat(rows).extracting(CustomerRow::line).containsExactly(2L, 4L);
            assertThat(inspection.rows()).isEqualTo(2);
        }

        @Test
        void theUtf8CheckCountsLoneCarriageReturnsAsLines() throws Exception {
            // given a byte that is not UTF-8 on the third line of a CR-only file
            byte[] start = (HEADER.replace("\n", "\r") + "acme.de,Acme,Anna,10115,DE,,\rbeta.de,M").getBytes(StandardCharsets.UTF_8);
            byte[] bad = {(byte) 0xFC};
            byte[] end = "ller,Bert,1,DE,,\r".getBytes(StandardCharsets.UTF_8);
            Path file = tmp.resolve("latin1.csv");
            Files.write(file, concat(start, bad, end));

            // when / then
            assertThatThrownBy(() -> CustomerCsvFile.inspect(file)).isInstanceOf(CsvFormatException.class)
                    .hasMessageContaining("is not UTF-8 (line 3, byte offset " + start.length + ")");
        }
    }

    @Nested
    class Secrets {

        @Test
        void aPasswordIsTakenByteForByteApostropheIncluded() throws Exception {
            // given
            Path file = write(HEADER + "acme.de,'=Acme,Anna,10115,DE,'-Secret123!x,'=0123abcd\n");

            // when
            CustomerRow row = CustomerCsvFileTests.readAll(file).get(0);

            // then: other cells lose the apostrophe that neutralised them, secrets keep it
            assertThat(row.cell(ORGANIZATION_NAME)).isEqualTo("=Acme");
            assertThat(row.cell(ADMIN_PASSWORD)).isEqualTo("'-Secret123!x");
            assertThat(row.cell(CUSTOMER_AUTH_TOKEN)).isEqualTo("'=0123abcd");
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private Path write(String content) throws Exception {
        return Files.writeString(Files.createTempFile(tmp, "customers", ".csv"), content, StandardCharsets.UTF_8);
    }
}
