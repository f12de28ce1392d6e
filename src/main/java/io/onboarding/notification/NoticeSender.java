package io.onboarding.notification;

import java.nio.file.Path;

/** Delivers a notice: by SMTP, or as an .eml file in the run's outbox. */
interface NoticeSender {

    /** @param runFolder the run's report folder, where an outbox lives */
    void send(Notice notice, Path runFolder) throws NoticeDeliveryException;

    /** Whether the notice already left in an earlier attempt that a crash cut short; false when unknowable. */
    default boolean alreadySent(NoticeKind kind, String customerDomain, Path runFolder) {
        return false;
    }
}
