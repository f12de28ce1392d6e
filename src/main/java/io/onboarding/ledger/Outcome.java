package io.onboarding.ledger;

/** What happened to one input row. */
public enum Outcome {
    /** Customer ordered and set up (language, first admin promoted to super admin). */
    ONBOARDED,
    /** The row's data is wrong; nothing was sent to Google. */
    INVALID,
    /** Google already has a customer with this domain: a transfer token is needed. */
    CONFLICT_EXISTS,
    /** A Google call failed; the message says which step and what is left. */
    FAILED
}
