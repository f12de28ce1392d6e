package io.onboarding.ledger;

/**
 * The recorded outcome of one input row. Never holds a password: nothing here may reach a report that
 * a person could read over the operator's shoulder.
 *
 * @param line the row's line in the input file
 * @param errorReason a short machine-friendly reason (Google's {@code reason}, or the invalid fields)
 * @param errorMessage what went wrong and what to do, in words
 */
public record RowResult(
        long line,
        String customerDomain,
        String externalId,
        Outcome outcome,
        String customerId,
        String adminEmail,
        String errorReason,
        String errorMessage) {
}
