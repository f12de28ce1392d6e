package io.onboarding.csv;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of a customer CSV, named after the API fields. Required columns are those every row
 * needs whatever its customer type; the others may be left out of the file.
 */
public enum CustomerColumn {
    CUSTOMER_DOMAIN("customerDomain", true),
    CUSTOMER_TYPE("customerType", false),
    ORGANIZATION_NAME("organizationName", true),
    CONTACT_NAME("contactName", true),
    ADDRESS_LINE1("addressLine1", false),
    ADDRESS_LINE2("addressLine2", false),
    ADDRESS_LINE3("addressLine3", false),
    LOCALITY("locality", false),
    REGION("region", false),
    POSTAL_CODE("postalCode", true),
    COUNTRY_CODE("countryCode", true),
    PHONE_NUMBER("phoneNumber", false),
    ALTERNATE_EMAIL("alternateEmail", false),
    PRIMARY_ADMIN_EMAIL("primaryAdminEmail", false),
    LANGUAGE("language", false),
    ADMIN_GIVEN_NAME("adminGivenName", false),
    ADMIN_FAMILY_NAME("adminFamilyName", false),
    ADMIN_USERNAME("adminUsername", false),
    ADMIN_PASSWORD("adminPassword", false),
    CUSTOMER_AUTH_TOKEN("customerAuthToken", false),
    EXTERNAL_ID("externalId", false);

    private static final Map<String, CustomerColumn> BY_LOWER_CASE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(column -> column.header.toLowerCase(Locale.ROOT), Function.identity()));

    private final String header;
    private final boolean required;

    CustomerColumn(String header, boolean required) {
        this.header = header;
        this.required = required;
    }

    /** The column's name in the CSV header, as the operator writes it. */
    public String header() {
        return header;
    }

    public boolean required() {
        return required;
    }

    /** The column a header cell names, ignoring case and surrounding spaces. */
    static Optional<CustomerColumn> byHeader(String name) {
        return Optional.ofNullable(BY_LOWER_CASE_NAME.get(name.trim().toLowerCase(Locale.ROOT)));
    }
}
