package io.onboarding.notification;

import java.nio.file.Path;

/** Delivers a notice: by SMTP, or as an .eml file in the run's outbox. */
interface NoticeSender {

    /** @param runFolder the run's report folder, where an outbox lives */
    void send(Notice notice, Path runFolder) throws NoticeDeliveryException;

    /**
     * Whether a send leaves a trace that {@link #earlierAttempt} finds, so that the ledger need not record
     * the attempt first: one write less per notice.
     */
    default boolean leavesItsOwnTrace() {
        return false;
    }

    /** What became of a send that a crash cut short, as far as this sender can tell. */
    enum CutShort { DELIVERED, NOT_DELIVERED, UNKNOWN }

    /**
     * Whether the notice left in an earlier attempt that a crash cut short. A mail server that took a
     * message cannot be asked about it afterwards, so SMTP answers {@link CutShort#UNKNOWN}.
     */
    default CutShort earlierAttempt(NoticeKind kind, String customerDomain, Path runFolder) {
        return CutShort.UNKNOWN;
    }
}
