package io.onboarding.google;

/** The Admin SDK Directory API calls the onboarding needs. */
public interface DirectoryClient {

    /** customers.patch of the default language; it only affects users created afterwards. */
    void setCustomerLanguage(String customerKey, String language);

    /** users.insert; 409 {@code duplicate} when the address exists. */
    User insertUser(NewUser user);

    /**
     * users.update of the password, to be changed at the next sign-in: how a customer gets a password
     * when the one set at creation is no longer known (its notice failed, or the run that made it died).
     */
    void resetPassword(String userKey, String password);

    /** users.get: the user with its customerId; 404 when it does not exist or is not visible to us. */
    User getUser(String userKey);

    /** users.makeAdmin: promotes the user to super administrator. */
    void makeSuperAdmin(String userKey);
}
