package io.onboarding.ledger;

import java.util.List;

/**
 * The recorded outcome of one input row. Never holds a password: nothing here may reach a report that
 * a person could read over the operator's shoulder.
 *
 * @param line the row's line in the input file
 * @param errorReason a short machine-friendly reason (Google's {@code reason}, or the invalid fields)
 * @param errorMessage what went wrong and what to do, in words
 * @param warnings what was accepted but not as written (e.g. a dropped phone number), or null
 * @param inputCells the row as it came in (password blank), kept for rows that need attention
 * @param retries how many Google calls of this row were sent again after a transient failure
 */
public record RowResult(
        long line,
        String customerDomain,
        String externalId,
        Outcome outcome,
        String customerId,
        String adminEmail,
        String errorReason,
        String errorMessage,
        String warnings,
        List<String> inputCells,
        int retries) {

    public RowResult {
        inputCells = inputCells == null ? List.of() : List.copyOf(inputCells);
    }

    /** A result whose calls needed no retry. */
    public RowResult(long line, String customerDomain, String externalId, Outcome outcome, String customerId,
            String adminEmail, String errorReason, String errorMessage, String warnings, List<String> inputCells) {
        this(line, customerDomain, externalId, outcome, customerId, adminEmail, errorReason, errorMessage, warnings,
                inputCells, 0);
    }

    /** The same result with the row's warnings and input cells attached. */
    public RowResult with(String warnings, List<String> inputCells) {
        return new RowResult(line, customerDomain, externalId, outcome, customerId, adminEmail, errorReason,
                errorMessage, warnings, inputCells, retries);
    }

    public RowResult withRetries(int retries) {
        return new RowResult(line, customerDomain, externalId, outcome, customerId, adminEmail, errorReason,
                errorMessage, warnings, inputCells, retries);
    }
}
