package io.onboarding.ledger;

/** Where a customer's notice stands; see the ledger schema for the transitions. */
public enum NoticeStatus {
    PENDING, ATTEMPTED, SENT, FAILED, SKIPPED;

    /** Whether a notice is still owed to the customer. */
    public boolean owed() {
        return this == PENDING || this == ATTEMPTED || this == FAILED;
    }
}
