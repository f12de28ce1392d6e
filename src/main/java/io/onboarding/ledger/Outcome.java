package io.onboarding.ledger;

/** What happened to one input row. */
public enum Outcome {
    /** Customer ordered and set up (language, first admin promoted to super admin). */
    ONBOARDED,
    /** Dry run: the row passed every check and would be onboarded. */
    VALID,
    /** The row's data is wrong; nothing was sent to Google. */
    INVALID,
    /** The row's country is outside this reseller's country policy; nothing was sent to Google. */
    COUNTRY_NOT_ALLOWED,
    /** An earlier row of the same file has the same domain; nothing was sent to Google for this one. */
    DUPLICATE_IN_FILE,
    /** Google already has a customer with this domain: a transfer token is needed. */
    CONFLICT_EXISTS,
    /** A Google call failed; the message says which step and what is left. */
    FAILED;

    /** Whether the operator has to do something about the row: it goes into rejects.csv. */
    public boolean needsAttention() {
        return this != ONBOARDED && this != VALID;
    }
}
