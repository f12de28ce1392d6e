package io.onboarding.validation;

import io.onboarding.csv.CustomerColumn;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A validated customer's postal address: the values of the columns {@link CustomerColumn#inAddress()} marks.
 *
 * @param fields the value of every address column that has one
 */
public record CustomerAddress(Map<CustomerColumn, String> fields) {

    public CustomerAddress {
        EnumMap<CustomerColumn, String> copy = new EnumMap<>(CustomerColumn.class);
        fields.forEach((column, value) -> {
            if (!column.inAddress()) {
                throw new IllegalArgumentException(column.header() + " is not a field of the postal address");
            }
            if (value != null) {
                copy.put(column, value);
            }
        });
        fields = Collections.unmodifiableMap(copy);
    }

    /** The address columns among a row's values. */
    static CustomerAddress of(Map<CustomerColumn, String> values) {
        EnumMap<CustomerColumn, String> address = new EnumMap<>(CustomerColumn.class);
        values.forEach((column, value) -> {
            if (column.inAddress()) {
                address.put(column, value);
            }
        });
        return new CustomerAddress(address);
    }

    /** The field's value, or null when the row leaves it empty. */
    public String get(CustomerColumn column) {
        if (!column.inAddress()) {
            throw new IllegalArgumentException(column.header() + " is not a field of the postal address");
        }
        return fields.get(column);
    }
}
