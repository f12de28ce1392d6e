package io.onboarding.validation;

/** One problem with one cell, in words the operator can act on. */
public record FieldError(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
