package io.onboarding.validation;

/**
 * A row that passed validation: trimmed, normalised (lower-case domain, upper-case country, canonical
 * language) and complete for its customer type. Empty optional cells are {@code null}.
 */
public record ValidatedCustomer(
        long line,
        String customerDomain,
        CustomerType customerType,
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
        String externalId) {

    /** The first admin's address: the created user for domain customers, the primary admin for team ones. */
    public String adminEmail() {
        return customerType == CustomerType.TEAM ? primaryAdminEmail : adminUsername + "@" + customerDomain;
    }

    @Override
    public String toString() {
        return "ValidatedCustomer[line=" + line + ", customerDomain=" + customerDomain + ", customerType="
                + customerType + ", externalId=" + externalId + "]";
    }
}
