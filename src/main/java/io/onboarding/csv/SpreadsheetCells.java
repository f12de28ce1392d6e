package io.onboarding.csv;

/**
 * Formula injection, both ways. A spreadsheet runs a cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, tab or carriage return as a formula, so such a cell gets a leading apostrophe
 * when we write a CSV (OWASP's advice); reading strips that apostrophe again, so that a report the
 * operator fixed and fed back in (rejects.csv) means what it meant.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    public static String neutralise(String cell) {
        if (cell == null) {
            return "";
        }
        return startsLikeFormula(cell, 0) ? "'" + cell : cell;
    }

    /** Undoes {@link #neutralise}: an apostrophe followed by a formula character is dropped. */
    public static String restore(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && startsLikeFormula(cell, 1)) {
            return cell.substring(1);
        }
        return cell;
    }

    private static boolean startsLikeFormula(String cell, int index) {
        if (cell.length() <= index) {
            return false;
        }
        return switch (cell.charAt(index)) {
            case '=', '+', '-', '@', '\t', '\r' -> true;
            default -> false;
        };
    }
}
