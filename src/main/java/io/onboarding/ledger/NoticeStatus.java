package io.onboarding.ledger;

/**
 * Where a customer's notice stands; see the ledger schema for the transitions. {@code UNCERTAIN}: a crash
 * cut a send short where nobody can tell whether it arrived, so it is not sent again by itself (the customer
 * would get two, with different passwords); the operator decides, with {@code notify DOMAIN}.
 */
public enum NoticeStatus {
    PENDING, ATTEMPTED, SENT, FAILED, SKIPPED, UNCERTAIN;

    /** Whether a run still sends the notice by itself. */
    public boolean owed() {
        return this == PENDING || this == ATTEMPTED || this == FAILED;
    }
}
