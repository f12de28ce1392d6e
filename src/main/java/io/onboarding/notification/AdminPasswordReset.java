package io.onboarding.notification;

/**
 * Gives a domain customer's existing admin a new temporary password, for a notice whose first password is no
 * longer known. Provisioning implements it (the directory holds the admins), so notices need not know how.
 */
@FunctionalInterface
public interface AdminPasswordReset {

    /**
     * Sets a new temporary password, to be changed at the next sign-in.
     *
     * @return the password now set, for the notice and the credentials file only
     * @throws io.onboarding.google.GoogleApiException when Google did not take it
     */
    String reset(String adminEmail);
}
