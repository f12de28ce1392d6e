package io.onboarding.validation;

import io.onboarding.csv.CustomerColumn;

/** One problem with one cell, in words the operator can act on. */
public record FieldError(String field, String message) {

    /** A problem with one column's cell, named as the header names it. */
    public FieldError(CustomerColumn column, String message) {
        this(column.header(), message);
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
