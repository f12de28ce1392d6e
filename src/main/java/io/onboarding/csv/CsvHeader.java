package io.onboarding.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Where each known column sits in the file, found by name in any order and case. */
final class CsvHeader {

    private final Map<CustomerColumn, Integer> positions;
    private final List<String> cells;
    private final List<String> unknownColumns;
    /** Where this file's secret columns sit, worked out once: every cell of every row asks. */
    private final BitSet secretPositions = new BitSet();

    private CsvHeader(Map<CustomerColumn, Integer> positions, List<String> cells, List<String> unknownColumns) {
        this.positions = positions;
        this.cells = cells;
        this.unknownColumns = unknownColumns;
        positions.forEach((column, position) -> {
            if (column.secret()) {
                secretPositions.set(position);
            }
        });
    }

    /** Reads the header cells; a missing required or a repeated column fails naming it. */
    static CsvHeader parse(String[] cells) {
        if (cells == null || Arrays.stream(cells).allMatch(String::isBlank)) {
            throw new CsvFormatException("The file has no header row: the first line must name the columns, e.g. "
                    + requiredColumnNames());
        }
        Map<CustomerColumn, Integer> positions = new EnumMap<>(CustomerColumn.class);
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            int position = i;
            String cell = cells[i];
            CustomerColumn.byHeader(cell).ifPresentOrElse(column -> {
                if (positions.putIfAbsent(column, position) != null) {
                    throw new CsvFormatException("The header names column '" + column.header() + "' twice (columns "
                            + (positions.get(column) + 1) + " and " + (position + 1) + ")");
                }
            }, () -> {
                if (!cell.isBlank()) {
                    unknown.add(cell.trim());
                }
            });
        }
        List<String> missing = Arrays.stream(CustomerColumn.values())
                .filter(column -> column.required() && !positions.containsKey(column))
                .map(CustomerColumn::header)
                .toList();
        if (positions.isEmpty()) {
            // Most likely a data row where the header should be: its cells are not repeated, as they may include
            // a password.
            throw new CsvFormatException("The first line names none of the columns: is the header row missing? It "
                    + "must name the columns, e.g. " + requiredColumnNames());
        }
        if (!missing.isEmpty()) {
            throw new CsvFormatException("The header lacks required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (found: " + String.join(", ", Arrays.asList(cells)) + ")");
        }
        return new CsvHeader(positions, List.of(cells), List.copyOf(unknown));
    }

    /** The header as written in the file. */
    List<String> cells() {
        return cells;
    }

    /** Header cells that name no known column; they are ignored. */
    List<String> unknownColumns() {
        return unknownColumns;
    }

    CustomerRow toRow(long line, String[] read) {
        String formatError = formatError(read);
        int firstSecret = firstSecretPosition();
        String[] cells = new String[read.length];
        for (int i = 0; i < read.length; i++) {
            if (formatError != null && i >= firstSecret) {
                // Shifted right by a stray separator, a password or token may sit under any later column's name,
                // where a message ("'…' is not a language code") or the results (externalId) would show it.
                cells[i] = "";
            } else {
                // A secret is taken byte for byte: '-Secret123!x is the password the file says, apostrophe and all.
                cells[i] = isSecret(i) ? read[i] : SpreadsheetCells.restore(read[i]);
            }
        }
        Map<CustomerColumn, String> byColumn = new EnumMap<>(CustomerColumn.class);
        // A short row leaves its trailing cells empty, as spreadsheets write them.
        positions.forEach((column, position) -> byColumn.put(column, position < cells.length ? cells[position] : ""));
        return new CustomerRow(line, byColumn, formatError, shortfall(cells),
                storableCells(cells, formatError != null));
    }

    /** For a row with fewer cells than the header: the known columns it does not reach. */
    private CustomerRow.Shortfall shortfall(String[] cells) {
        if (cells.length >= this.cells.size()) {
            return null;
        }
        List<CustomerColumn> missing = positions.entrySet().stream().filter(entry -> entry.getValue() >= cells.length)
                .sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
        return missing.isEmpty() ? null : new CustomerRow.Shortfall(cells.length, this.cells.size(), missing);
    }

    /** Extra cells that hold something mean a comma slipped into an unquoted cell; empty ones are harmless. */
    private String formatError(String[] cells) {
        int width = this.cells.size();
        boolean extraContent = Arrays.stream(cells).skip(width).anyMatch(cell -> !cell.isBlank());
        return extraContent
                ? "the row has " + cells.length + " cells but the header has " + width
                        + ": is a separator (comma or semicolon) inside a cell that is not quoted?"
                : null;
    }

    /**
     * The row in file order, cut or padded to the header's width so that a rejects file stays
     * rectangular, with the password and the transfer token blanked: secrets are never stored. In a row
     * whose cells are shifted (more cells than the header), a secret may sit in any later column, so
     * everything from the first secret column on is blanked.
     */
    private List<String> storableCells(String[] cells, boolean shifted) {
        List<String> storable = new ArrayList<>(this.cells.size());
        int firstSecret = firstSecretPosition();
        for (int i = 0; i < this.cells.size(); i++) {
            boolean secret = shifted ? i >= firstSecret : isSecret(i);
            storable.add(secret || i >= cells.length ? "" : cells[i]);
        }
        return storable;
    }

    /** The leftmost column of a password or a transfer token in this file; past the end when it has neither. */
    private int firstSecretPosition() {
        int first = secretPositions.nextSetBit(0);
        return first < 0 ? Integer.MAX_VALUE : first;
    }

    private boolean isSecret(int position) {
        return secretPositions.get(position);
    }

    private static String requiredColumnNames() {
        return Arrays.stream(CustomerColumn.values())
                .filter(CustomerColumn::required)
                .map(CustomerColumn::header)
                .collect(Collectors.joining(","));
    }
}
