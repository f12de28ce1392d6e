package io.onboarding.csv;

import static io.onboarding.csv.CustomerColumn.Trait.ADDRESS;
import static io.onboarding.csv.CustomerColumn.Trait.REQUIRED;
import static io.onboarding.csv.CustomerColumn.Trait.SECRET;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of a customer CSV, named after the API fields: the one list of them. The header parser, a row's
 * cells, validation's field names and the postal address all follow it, so a new column is one line here (and its
 * validation rule, if it has one).
 */
public enum CustomerColumn {
    CUSTOMER_DOMAIN("customerDomain", REQUIRED),
    CUSTOMER_TYPE("customerType"),
    ORGANIZATION_NAME("organizationName", REQUIRED, ADDRESS),
    CONTACT_NAME("contactName", REQUIRED, ADDRESS),
    ADDRESS_LINE1("addressLine1", ADDRESS),
    ADDRESS_LINE2("addressLine2", ADDRESS),
    ADDRESS_LINE3("addressLine3", ADDRESS),
    LOCALITY("locality", ADDRESS),
    REGION("region", ADDRESS),
    POSTAL_CODE("postalCode", REQUIRED, ADDRESS),
    COUNTRY_CODE("countryCode", REQUIRED, ADDRESS),
    PHONE_NUMBER("phoneNumber"),
    ALTERNATE_EMAIL("alternateEmail"),
    PRIMARY_ADMIN_EMAIL("primaryAdminEmail"),
    LANGUAGE("language"),
    ADMIN_GIVEN_NAME("adminGivenName"),
    ADMIN_FAMILY_NAME("adminFamilyName"),
    ADMIN_USERNAME("adminUsername"),
    ADMIN_PASSWORD("adminPassword", SECRET),
    CUSTOMER_AUTH_TOKEN("customerAuthToken", SECRET),
    EXTERNAL_ID("externalId");

    /** What a column is, besides its name. */
    enum Trait {
        /** Every row needs it, whatever its customer type: a header without it is refused. */
        REQUIRED,
        /**
         * A credential: taken byte for byte, never stored (a rejected row's cells leave it blank), never echoed in a
         * message or a log line.
         */
        SECRET,
        /** A field of the customer's postalAddress (the Reseller API's name for it is the header's). */
        ADDRESS
    }

    private static final Map<String, CustomerColumn> BY_LOWER_CASE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(column -> column.header.toLowerCase(Locale.ROOT), Function.identity()));

    private final String header;
    private final Set<Trait> traits;

    CustomerColumn(String header, Trait... traits) {
        this.header = header;
        this.traits = traits.length == 0 ? EnumSet.noneOf(Trait.class) : EnumSet.copyOf(Arrays.asList(traits));
    }

    /** The column's name in the CSV header, as the operator writes it; also the field name in messages. */
    public String header() {
        return header;
    }

    public boolean required() {
        return traits.contains(REQUIRED);
    }

    /** A password or a transfer token: see {@link Trait#SECRET}. */
    public boolean secret() {
        return traits.contains(SECRET);
    }

    /** Whether the column is a field of the customer's postal address. */
    public boolean inAddress() {
        return traits.contains(ADDRESS);
    }

    /** The column a header cell names, ignoring case and surrounding spaces. */
    public static Optional<CustomerColumn> byHeader(String name) {
        return Optional.ofNullable(BY_LOWER_CASE_NAME.get(name.trim().toLowerCase(Locale.ROOT)));
    }
}
