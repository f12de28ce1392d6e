package io.onboarding.csv;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One data row of the customer CSV, cells as written (untrimmed, unvalidated), keyed by their column.
 * {@link #toString()} never shows a secret cell.
 *
 * @param line the physical line of the file where the row starts (the header is line 1)
 * @param cells the cell of every column the header names; a column the file leaves out has no entry
 * @param formatError what is wrong with the row's shape (e.g. more cells than the header), or null
 * @param shortfall for a row with fewer cells than the header, which columns it stops short of; null otherwise.
 *     Only the validator can tell whether that matters (were any of them required for this row?)
 * @param inputCells the row's cells in the file's own column order, to write a rejected row back out as it
 *     came in; the secret cells are always blank here, so this list is safe to store
 */
public record CustomerRow(
        long line,
        Map<CustomerColumn, String> cells,
        String formatError,
        Shortfall shortfall,
        List<String> inputCells) {

    public CustomerRow {
        EnumMap<CustomerColumn, String> copy = new EnumMap<>(CustomerColumn.class);
        // A null cell is a column the file leaves out, as is a missing entry.
        cells.forEach((column, cell) -> {
            if (cell != null) {
                copy.put(column, cell);
            }
        });
        cells = Collections.unmodifiableMap(copy);
        inputCells = inputCells == null ? List.of() : List.copyOf(inputCells);
    }

    /** The cell as written, or null when the file has no such column. */
    public String cell(CustomerColumn column) {
        return cells.get(column);
    }

    /**
     * A row that ends before the header does: spreadsheets leave out trailing empty cells, so this is fine as
     * long as none of the missing cells is required; otherwise the row was most likely broken in two by a
     * line break in a cell that is not quoted, and one message says so instead of one per missing value.
     *
     * @param cells how many cells the row has
     * @param headerCells how many the header has
     * @param columns the known columns past the row's last cell, in file order
     */
    public record Shortfall(int cells, int headerCells, List<CustomerColumn> columns) {

        public Shortfall {
            columns = List.copyOf(columns);
        }

        /** What is wrong with the row at {@code line}, naming the required columns it lacks (never a cell's content). */
        public String problem(long line, List<CustomerColumn> requiredColumns) {
            return "line " + line + " has " + cells + (cells == 1 ? " cell" : " cells") + ", the header has "
                    + headerCells + ": the row stops before its required "
                    + String.join(", ", requiredColumns.stream().map(CustomerColumn::header).toList())
                    + " (is a line break inside a cell that is not quoted, or were cells left out?)";
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("CustomerRow[line=").append(line);
        for (CustomerColumn column : List.of(CustomerColumn.CUSTOMER_DOMAIN, CustomerColumn.CUSTOMER_TYPE,
                CustomerColumn.EXTERNAL_ID)) {
            text.append(", ").append(column.header()).append('=').append(cell(column));
        }
        for (CustomerColumn column : CustomerColumn.values()) {
            if (column.secret()) {
                text.append(", ").append(column.header()).append('=')
                        .append(cell(column) == null ? "null" : "(hidden)");
            }
        }
        return text.append(']').toString();
    }
}
