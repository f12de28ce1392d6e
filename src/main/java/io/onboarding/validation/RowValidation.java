package io.onboarding.validation;

import io.onboarding.csv.CustomerColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdict on one row: a validated customer, or what is wrong with it; warnings either way.
 *
 * @param customerDomain the normalised domain even when the row is rejected (to spot duplicates), or
 *     null when the domain itself is unusable
 * @param countryRefusal why the reseller may not sell in the row's country, or null
 */
public record RowValidation(
        ValidatedCustomer customer,
        String customerDomain,
        List<FieldError> errors,
        List<FieldError> warnings,
        String countryRefusal) {

    public RowValidation {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        if ((customer == null) == (errors.isEmpty() && countryRefusal == null)) {
            throw new IllegalArgumentException("a row is either valid or has problems");
        }
    }

    public boolean isValid() {
        return customer != null;
    }

    /** Every reason the row is rejected: its field errors, then the country policy. */
    public List<FieldError> problems() {
        List<FieldError> problems = new ArrayList<>(errors);
        if (countryRefusal != null) {
            problems.add(new FieldError(CustomerColumn.COUNTRY_CODE, countryRefusal));
        }
        return problems;
    }
}
