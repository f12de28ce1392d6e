package io.onboarding.validation;

import io.onboarding.csv.CustomerColumn;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A row that passed validation: trimmed, normalised (lower-case domain, upper-case country, canonical
 * language) and complete for its customer type, keyed by column. An empty optional cell has no value.
 *
 * @param values the value of every column that has one; {@link CustomerColumn#CUSTOMER_TYPE} is always
 *     {@code customerType}'s API value
 */
public record ValidatedCustomer(long line, CustomerType customerType, Map<CustomerColumn, String> values) {

    public ValidatedCustomer {
        EnumMap<CustomerColumn, String> copy = new EnumMap<>(CustomerColumn.class);
        values.forEach((column, value) -> {
            if (value != null) {
                copy.put(column, value);
            }
        });
        copy.put(CustomerColumn.CUSTOMER_TYPE, customerType.apiValue());
        values = Collections.unmodifiableMap(copy);
    }

    /** The column's validated value, or null when the row leaves it empty (or its customer type ignores it). */
    public String value(CustomerColumn column) {
        return values.get(column);
    }

    /** The customer's domain, as the ledger keys it. */
    public String customerDomain() {
        return value(CustomerColumn.CUSTOMER_DOMAIN);
    }

    /** The columns of the customer's postal address. */
    public CustomerAddress address() {
        return CustomerAddress.of(values);
    }

    /** The first admin's address: the created user for domain customers, the primary admin for team ones. */
    public String adminEmail() {
        return customerType == CustomerType.TEAM ? value(CustomerColumn.PRIMARY_ADMIN_EMAIL)
                : value(CustomerColumn.ADMIN_USERNAME) + "@" + customerDomain();
    }

    @Override
    public String toString() {
        return "ValidatedCustomer[line=" + line + ", customerDomain=" + customerDomain() + ", customerType="
                + customerType + ", externalId=" + value(CustomerColumn.EXTERNAL_ID) + "]";
    }
}
