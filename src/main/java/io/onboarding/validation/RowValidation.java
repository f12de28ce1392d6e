package io.onboarding.validation;

import java.util.List;

/** The verdict on one row: a validated customer, or the list of what is wrong with it. */
public record RowValidation(ValidatedCustomer customer, List<FieldError> errors) {

    public RowValidation {
        errors = List.copyOf(errors);
        if ((customer == null) == errors.isEmpty()) {
            throw new IllegalArgumentException("a row is either valid or has errors");
        }
    }

    public boolean isValid() {
        return customer != null;
    }
}
