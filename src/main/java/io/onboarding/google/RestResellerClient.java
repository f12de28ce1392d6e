package io.onboarding.google;

import org.springframework.web.client.RestClient;

/** {@link ResellerClient} over HTTP with Spring's RestClient. */
final class RestResellerClient implements ResellerClient {

    private static final String CUSTOMERS = "/apps/reseller/v1/customers";

    private final RestClient rest;
    private final GoogleErrors errors;
    private final ApiThrottle throttle;

    RestResellerClient(RestClient rest, GoogleErrors errors, ApiThrottle throttle) {
        this.rest = rest;
        this.errors = errors;
        this.throttle = throttle;
    }

    @Override
    public Customer insertCustomer(NewCustomer customer, String customerAuthToken) {
        String call = "customers.insert";
        return errors.call(call, throttle, () -> rest.post()
                .uri(uri -> {
                    uri.path(CUSTOMERS);
                    if (customerAuthToken != null) {
                        uri.queryParam("customerAuthToken", customerAuthToken);
                    }
                    return uri.build();
                })
                .body(customer)
                .retrieve()
                .onStatus(GoogleErrors::isError, errors.handlerFor(call))
                .body(Customer.class));
    }

    @Override
    public Customer getCustomer(String customerIdOrDomain) {
        String call = "customers.get";
        return errors.call(call, throttle, () -> rest.get()
                .uri(CUSTOMERS + "/{customerId}", customerIdOrDomain)
                .retrieve()
                .onStatus(GoogleErrors::isError, errors.handlerFor(call))
                .body(Customer.class));
    }
}
