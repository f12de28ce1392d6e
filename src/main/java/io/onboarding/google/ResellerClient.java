package io.onboarding.google;

/** The Reseller API v1 calls the onboarding needs. */
public interface ResellerClient {

    /**
     * customers.insert; Google answers with the customer it made.
     *
     * @param customerAuthToken the customer's transfer token, or {@code null} for a new customer
     * @throws GoogleApiException on any non-2xx answer (409 when the domain already exists)
     */
    Customer insertCustomer(NewCustomer customer, String customerAuthToken);

    /**
     * customers.get by id or primary domain: the full resource for our own customers, a minimal one
     * for customers of Google or another reseller.
     *
     * @throws GoogleApiException 404 when no such customer exists
     */
    Customer getCustomer(String customerIdOrDomain);
}
