package io.onboarding.ledger;

/** What happened to one input row. */
public enum Outcome {
    /** Customer ordered and set up (language, first admin promoted to super admin). */
    ONBOARDED,
    /** The customer moved to this reseller with the customer's transfer token. */
    TRANSFERRED,
    /** An earlier run (of this or another file) already onboarded this domain; nothing was sent to Google. */
    ALREADY_ONBOARDED,
    /** Dry run: the row passed every check and would be onboarded. */
    VALID,
    /** The row's data is wrong; nothing was sent to Google. */
    INVALID,
    /** The row's country is outside this reseller's country policy; nothing was sent to Google. */
    COUNTRY_NOT_ALLOWED,
    /** An earlier row of the same file has the same domain; nothing was sent to Google for this one. */
    DUPLICATE_IN_FILE,
    /** The domain belongs to Google directly or to another reseller: the customer's transfer token is needed. */
    TRANSFER_REQUIRED,
    /** The customer was ordered, but the first admin's address is taken by another Google account. */
    ADMIN_EXISTS,
    /**
     * Another live run (or an operator's notify) was working on this domain at the same moment; nothing was
     * sent for this row. That run's report tells how it ended.
     */
    HELD_BY_ANOTHER_RUN,
    /** Some steps were done, then one failed for good; re-submitting the row continues from there. */
    PARTIAL,
    /** The first call failed; nothing was done for this customer. */
    FAILED;

    /** Whether the operator has to do something about the row: it goes into rejects.csv. */
    public boolean needsAttention() {
        return switch (this) {
            case ONBOARDED, TRANSFERRED, ALREADY_ONBOARDED, VALID -> false;
            default -> true;
        };
    }
}
