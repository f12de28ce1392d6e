package io.onboarding.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The enum is the one list of columns: whatever it holds, the header parser and a row follow without another edit.
 * These tests walk {@link CustomerColumn#values()}, so a column added to the enum is covered the moment it is added.
 */
class CustomerColumnTests {

    @TempDir
    Path tmp;

    @Test
    void aHeaderNamingEveryColumnGivesEveryCellBackUnderItsColumn() throws Exception {
        // given every column, in reverse order and in upper case, each with a value of its own
        List<CustomerColumn> columns = new ArrayList<>(Arrays.asList(CustomerColumn.values()));
        Collections.reverse(columns);
        Map<CustomerColumn, String> written = new EnumMap<>(CustomerColumn.class);
        columns.forEach(column -> written.put(column, "value-of-" + column.header()));
        Path file = write(columns.stream().map(column -> column.header().toUpperCase(Locale.ROOT))
                .collect(Collectors.joining(",")) + "\n"
                + columns.stream().map(written::get).collect(Collectors.joining(",")) + "\n");

        // when
        CustomerRow row = CustomerCsvFileTests.readAll(file).get(0);

        // then each cell is read under its own column
        assertThat(row.cells()).isEqualTo(written);
        for (CustomerColumn column : CustomerColumn.values()) {
            assertThat(row.cell(column)).as(column.header()).isEqualTo(written.get(column));
        }
        // and the cells kept for rejects.csv are the file's, in its order, with exactly the secrets blanked
        assertThat(row.inputCells()).containsExactlyElementsOf(
                columns.stream().map(column -> column.secret() ? "" : written.get(column)).toList());
        assertThat(row.formatError()).isNull();
        assertThat(row.shortfall()).isNull();
    }

    @Test
    void aRowNeverShowsASecretColumnsCell() throws Exception {
        // given every column, each secret one holding a recognisable value
        Path file = write(Arrays.stream(CustomerColumn.values()).map(CustomerColumn::header)
                .collect(Collectors.joining(",")) + "\n"
                + Arrays.stream(CustomerColumn.values()).map(column -> column.secret() ? "SECRET-" + column : "x")
                        .collect(Collectors.joining(",")) + "\n");

        // when
        CustomerRow row = CustomerCsvFileTests.readAll(file).get(0);

        // then
        assertThat(row.toString()).doesNotContain("SECRET");
        assertThat(row.inputCells()).noneMatch(cell -> cell.contains("SECRET"));
        assertThat(Arrays.stream(CustomerColumn.values()).filter(CustomerColumn::secret))
                .allSatisfy(column -> assertThat(row.cell(column)).isEqualTo("SECRET-" + column))
                .isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(CustomerColumn.class)
    void aHeaderWithoutARequiredColumnIsRefusedNamingItAndAnOptionalOneMayBeLeftOut(CustomerColumn left)
            throws Exception {
        // given a header naming every column but one
        Path file = write(Arrays.stream(CustomerColumn.values()).filter(column -> column != left)
                .map(CustomerColumn::header).collect(Collectors.joining(",")) + "\n");

        // when / then
        if (left.required()) {
            assertThatThrownBy(() -> CustomerCsvFile.open(file).close()).isInstanceOf(CsvFormatException.class)
                    .hasMessageStartingWith("The header lacks required column " + left.header() + " (found: ");
        } else {
            try (CustomerCsvFile csv = CustomerCsvFile.open(file)) {
                assertThat(csv.unknownColumns()).isEmpty();
            }
        }
    }

    @Test
    void everyHeaderNameIsItsOwnColumnWhateverItsCaseAndSpaces() {
        for (CustomerColumn column : CustomerColumn.values()) {
            assertThat(CustomerColumn.byHeader(" " + column.header().toUpperCase(Locale.ROOT) + " ")).contains(column);
        }
        assertThat(CustomerColumn.byHeader("remarks")).isEmpty();
    }

    private Path write(String content) throws Exception {
        return Files.writeString(tmp.resolve("all-columns.csv"), content, StandardCharsets.UTF_8);
    }
}
