package io.onboarding.report;

/**
 * Neutralises a cell against formula injection: a spreadsheet runs a cell that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, tab or carriage return as a formula, so such a cell gets a leading
 * apostrophe (OWASP's advice), which spreadsheets show as text.
 */
final class SpreadsheetCell {

    private SpreadsheetCell() {
    }

    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }
}
