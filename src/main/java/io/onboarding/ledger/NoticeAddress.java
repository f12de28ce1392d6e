package io.onboarding.ledger;

/**
 * Whom a customer's notice goes to and how it addresses them — kept with the ledger entry so that a
 * notice that failed can be sent by any later run, whichever file that run reads. Holds no secret.
 *
 * @param recipient alternateEmail (domain customers) or primaryAdminEmail (team customers)
 * @param language the row's language, or null for the default
 */
public record NoticeAddress(String recipient, String language, String contactName, String organizationName) {
}
