package io.onboarding.google;

/** The Admin SDK Directory API calls the onboarding needs. */
public interface DirectoryClient {

    /** customers.patch of the default language; it only affects users created afterwards. */
    void setCustomerLanguage(String customerKey, String language);

    /** users.insert; 409 {@code duplicate} when the address exists. */
    User insertUser(User user);

    /** users.get: the user with its customerId; 404 when it does not exist or is not visible to us. */
    User getUser(String userKey);

    /** users.makeAdmin: promotes the user to super administrator. */
    void makeSuperAdmin(String userKey);
}
