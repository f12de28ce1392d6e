package io.onboarding.notification;

import io.onboarding.ledger.LedgerEntry;

/** The three notices: which one a customer gets depends on how it came to us. */
public enum NoticeKind {
    /** A domain customer with a first admin and temporary password. */
    DOMAIN,
    /** An email-verified customer: Google's verification email comes first. */
    TEAM,
    /** A customer moved to us with a transfer token: nothing of theirs changed. */
    TRANSFERRED;

    /** The notice a complete customer gets, by how it came to us. */
    static NoticeKind of(LedgerEntry entry) {
        return entry.transferred() ? TRANSFERRED : "team".equals(entry.customerType()) ? TEAM : DOMAIN;
    }

    String templateName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
