package io.onboarding.csv;

import java.util.List;

/**
 * One data row of the customer CSV, cells as written (untrimmed, unvalidated); {@code null} when the
 * column is absent from the file. {@link #toString()} hides the password and the transfer token.
 *
 * @param line the physical line of the file where the row starts (the header is line 1)
 * @param formatError what is wrong with the row's shape (e.g. more cells than the header), or null
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
        List<String> cells) {

    public CustomerRow {
        cells = cells == null ? List.of() : List.copyOf(cells);
    }

    @Override
    public String toString() {
        return "CustomerRow[line=" + line + ", customerDomain=" + customerDomain + ", customerType=" + customerType
                + ", externalId=" + externalId + ", adminPassword=" + (adminPassword == null ? "null" : "(hidden)")
                + ", customerAuthToken=" + (customerAuthToken == null ? "null" : "(hidden)") + "]";
    }
}
