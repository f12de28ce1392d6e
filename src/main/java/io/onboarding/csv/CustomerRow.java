package io.onboarding.csv;

import java.util.List;

/**
 * One data row of the customer CSV, cells as written (untrimmed, unvalidated); {@code null} when the
 * column is absent from the file. {@link #toString()} hides the password and the transfer token.
 *
 * @param line the physical line of the file where the row starts (the header is line 1)
 * @param formatError what is wrong with the row's shape (e.g. more cells than the header), or null
 * @param shortfall for a row with fewer cells than the header, which columns it stops short of; null otherwise.
 *     Only the validator can tell whether that matters (were any of them required for this row?)
 * @param cells the row's cells in the file's own column order, to write a rejected row back out as it
 *     came in; the adminPassword and customerAuthToken cells are always blank here, so this list is safe
 *     to store
 */
public record CustomerRow(
        long line,
        String customerDomain,
        String customerType,
        String organizationName,
        String contactName,
        String addressLine1,
        String addressLine2,
        String addressLine3,
        String locality,
        String region,
        String postalCode,
        String countryCode,
        String phoneNumber,
        String alternateEmail,
        String primaryAdminEmail,
        String language,
        String adminGivenName,
        String adminFamilyName,
        String adminUsername,
        String adminPassword,
        String customerAuthToken,
        String externalId,
        String formatError,
        Shortfall shortfall,
        List<String> cells) {

    public CustomerRow {
        cells = cells == null ? List.of() : List.copyOf(cells);
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
    public record Shortfall(int cells, int headerCells, List<String> columns) {

        public Shortfall {
            columns = List.copyOf(columns);
        }

        /** What is wrong with the row at {@code line}, naming the required columns it lacks (never a cell's content). */
        public String problem(long line, List<String> requiredColumns) {
            return "line " + line + " has " + cells + (cells == 1 ? " cell" : " cells") + ", the header has "
                    + headerCells + ": the row stops before its required " + String.join(", ", requiredColumns)
                    + " (is a line break inside a cell that is not quoted, or were cells left out?)";
        }
    }

    @Override
    public String toString() {
        return "CustomerRow[line=" + line + ", customerDomain=" + customerDomain + ", customerType=" + customerType
                + ", externalId=" + externalId + ", adminPassword=" + (adminPassword == null ? "null" : "(hidden)")
                + ", customerAuthToken=" + (customerAuthToken == null ? "null" : "(hidden)") + "]";
    }
}
