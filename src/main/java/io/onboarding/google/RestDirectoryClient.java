package io.onboarding.google;

import org.springframework.web.client.RestClient;

/** {@link DirectoryClient} over HTTP with Spring's RestClient. */
final class RestDirectoryClient implements DirectoryClient {

    private static final String BASE = "/admin/directory/v1";

    private final RestClient rest;
    private final GoogleErrors errors;
    private final ApiThrottle throttle;

    private final UserCreationLimit userCreations;

    RestDirectoryClient(RestClient rest, GoogleErrors errors, ApiThrottle throttle, UserCreationLimit userCreations) {
        this.rest = rest;
        this.errors = errors;
        this.throttle = throttle;
        this.userCreations = userCreations;
    }

    @Override
    public void setCustomerLanguage(String customerKey, String language) {
        String call = "customers.patch";
        errors.call(call, throttle, () -> rest.patch()
                .uri(BASE + "/customers/{customerKey}", customerKey)
                .body(new LanguagePatch(language))
                .retrieve()
                .onStatus(GoogleErrors::isError, errors.handlerFor(call))
                .toBodilessEntity());
    }

    @Override
    public User insertUser(NewUser user) {
        String call = "users.insert";
        userCreations.acquire(user.primaryEmail().substring(user.primaryEmail().indexOf('@') + 1));
        return errors.call(call, throttle, () -> rest.post()
                .uri(BASE + "/users")
                .body(user)
                .retrieve()
                .onStatus(GoogleErrors::isError, errors.handlerFor(call))
                .body(User.class));
    }

    @Override
    public void resetPassword(String userKey, String password) {
        String call = "users.update";
        errors.call(call, throttle, () -> rest.put()
                .uri(BASE + "/users/{userKey}", userKey)
                .body(PasswordUpdate.temporary(password))
                .retrieve()
                .onStatus(GoogleErrors::isError, errors.handlerFor(call))
                .toBodilessEntity());
    }

    @Override
    public User getUser(String userKey) {
        String call = "users.get";
        return errors.call(call, throttle, () -> rest.get()
                .uri(BASE + "/users/{userKey}", userKey)
                .retrieve()
                .onStatus(GoogleErrors::isError, errors.handlerFor(call))
                .body(User.class));
    }

    @Override
    public void makeSuperAdmin(String userKey) {
        String call = "users.makeAdmin";
        errors.call(call, throttle, () -> rest.post()
                .uri(BASE + "/users/{userKey}/makeAdmin", userKey)
                .body(new MakeAdminRequest(true))
                .retrieve()
                .onStatus(GoogleErrors::isError, errors.handlerFor(call))
                .toBodilessEntity());
    }
}
