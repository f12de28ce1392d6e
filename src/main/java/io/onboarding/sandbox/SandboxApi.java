package io.onboarding.sandbox;

import io.onboarding.google.LanguagePatch;
import io.onboarding.google.MakeAdminRequest;
import io.onboarding.google.NewCustomer;
import io.onboarding.google.NewUser;
import io.onboarding.google.PasswordUpdate;
import io.onboarding.google.RequestFields;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The Reseller and Directory calls, routed to the sandbox's accounts (the caller has checked the token). */
final class SandboxApi {

    private final SandboxAccounts accounts;
    private final JsonMapper json;
    private final RequestFields fields;

    SandboxApi(SandboxAccounts accounts, JsonMapper json) {
        this.accounts = accounts;
        this.json = json;
        this.fields = RequestFields.load(json);
    }

    /** The answer body (null for none); a {@link SandboxError} becomes Google's error body. */
    Object call(String method, String path, String query, String body) {
        // Google's front end maps the body onto the method's schema before any API sees it.
        String call = SandboxRoutes.callName(method, path);
        if (fields.methods().contains(call) && body != null && !body.isBlank()) {
            fields.firstUnknown(call, json.readTree(body)).ifPresent(unknown -> {
                throw SandboxError.unknownField(unknown);
            });
        }
        String customer = SandboxRoutes.variable(SandboxRoutes.CUSTOMER, path);
        String directoryCustomer = SandboxRoutes.variable(SandboxRoutes.DIRECTORY_CUSTOMER, path);
        String adminUser = SandboxRoutes.variable(SandboxRoutes.MAKE_ADMIN, path);
        if (method.equals("POST") && SandboxRoutes.CUSTOMERS.matcher(path).matches()) {
            return accounts.insertCustomer(json.readValue(body, NewCustomer.class),
                    SandboxRoutes.queryParameter(query, "customerAuthToken"));
        }
        if (method.equals("GET") && customer != null) {
            return accounts.getCustomer(customer);
        }
        if (method.equals("PATCH") && directoryCustomer != null) {
            accounts.setLanguage(directoryCustomer, json.readValue(body, LanguagePatch.class).language());
            return Map.of("kind", "admin#directory#customer", "id", directoryCustomer);
        }
        if (method.equals("POST") && SandboxRoutes.USERS.matcher(path).matches()) {
            return accounts.insertUser(json.readValue(body, NewUser.class));
        }
        String user = SandboxRoutes.variable(SandboxRoutes.USER, path);
        if (method.equals("GET") && user != null) {
            return accounts.user(user).map(SandboxAccounts.SandboxUser::resource)
                    .orElseThrow(() -> SandboxError.notFound("Resource Not Found: userKey"));
        }
        if (method.equals("PUT") && user != null) {
            return accounts.updateUser(user, json.readValue(body, PasswordUpdate.class));
        }
        if (method.equals("POST") && adminUser != null) {
            accounts.makeAdmin(adminUser, json.readValue(body, MakeAdminRequest.class).status());
            return null;
        }
        throw SandboxError.notFound("Not Found: " + method + " " + path);
    }
}
