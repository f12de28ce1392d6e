package io.onboarding.sandbox;

import io.onboarding.google.Customer;
import io.onboarding.google.NewCustomer;
import io.onboarding.google.NewUser;
import io.onboarding.google.PasswordUpdate;
import io.onboarding.google.PostalAddress;
import io.onboarding.google.SupportedLanguages;
import io.onboarding.google.User;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The customers and users the sandbox knows, and the rules Google applies to them (docs/sandbox.md). They live in
 * a {@link SandboxStore}, so that a later process knows them too. Thread-safe: the job calls it from several
 * workers.
 */
public final class SandboxAccounts {

    /** A customer at "Google": {@code own} when this reseller manages it. */
    public record SandboxCustomer(Customer resource, boolean own, String language) {
    }

    /**
     * A user, with the customer's default language at the moment it was created. No password: Google never
     * shows one, and the sandbox keeps none.
     */
    public record SandboxUser(User resource, String languageAtCreation, boolean superAdmin) {
    }

    private final SandboxStore store;
    private final SandboxProperties properties;

    SandboxAccounts(SandboxStore store, SandboxProperties properties) {
        this.store = store;
        this.properties = properties;
        seedConfigured();
    }

    /** Back to the configured seed: only the pre-existing domains, no users, ids from the start. */
    public synchronized void reset() {
        store.clear();
        seedConfigured();
    }

    /**
     * Adds a customer that exists before the run, unless its domain is known already (from an earlier process,
     * perhaps transferred to this reseller since); {@code own} false means another owner.
     */
    public void seed(String domain, boolean own) {
        String key = domain.toLowerCase(Locale.ROOT);
        if (store.customer(key).isPresent()) {
            return;
        }
        Customer resource = new Customer(Customer.KIND, store.nextCustomerId(), key, "domain",
                own ? "it@" + key + ".example" : null, null,
                own ? new PostalAddress(PostalAddress.KIND, "Seed Contact", "Seed Org", null, null, null, null, null,
                        "00000", "US") : null,
                null, null, true);
        store.addCustomer(new SandboxCustomer(resource, own, "en"));
    }

    public Optional<SandboxCustomer> customer(String domain) {
        return store.customer(domain.toLowerCase(Locale.ROOT));
    }

    public Optional<SandboxUser> user(String email) {
        return store.user(email.toLowerCase(Locale.ROOT));
    }

    public List<SandboxCustomer> customers() {
        return store.customers();
    }

    public List<SandboxUser> users() {
        return store.users();
    }

    private void seedConfigured() {
        properties.foreignDomains().forEach(domain -> seed(domain, false));
        properties.ownDomains().forEach(domain -> seed(domain, true));
    }

    Customer insertCustomer(NewCustomer request, String customerAuthToken) {
        String domain = checkNewCustomer(request);
        synchronized (this) {
            SandboxCustomer existing = store.customer(domain).orElse(null);
            boolean transfer = existing != null && !existing.own() && customerAuthToken != null;
            if (existing != null && !transfer) {
                throw duplicateCustomer(domain);
            }
            String customerId = transfer ? existing.resource().customerId() : store.nextCustomerId();
            Customer created = new Customer(Customer.KIND, customerId, domain,
                    request.customerType() == null ? "domain" : request.customerType(), request.alternateEmail(),
                    request.phoneNumber(), withKind(request.postalAddress()), request.primaryAdmin(),
                    "https://admin.google.com/ac/customers/" + customerId, transfer);
            SandboxCustomer customer = new SandboxCustomer(created, true, "en");
            // Another process may have ordered or taken over the domain in between: then it is a duplicate.
            if (!(transfer ? store.replaceCustomer(customer, true) : store.addCustomer(customer))) {
                throw duplicateCustomer(domain);
            }
            return created;
        }
    }

    Customer getCustomer(String key) {
        SandboxCustomer customer = find(key).orElseThrow(() -> SandboxError.notFound("Resource not found: " + key));
        Customer full = customer.resource();
        if (customer.own()) {
            return full;
        }
        // Google shows a customer of somebody else only by id, domain and type.
        return new Customer(Customer.KIND, full.customerId(), full.customerDomain(), full.customerType(), null, null,
                null, null, null, null);
    }

    synchronized void setLanguage(String customerKey, String language) {
        SandboxCustomer customer = ownCustomer(customerKey);
        if (!SupportedLanguages.isSupportedExactly(language)) {
            throw SandboxError.invalid("Invalid language: " + language);
        }
        store.replaceCustomer(new SandboxCustomer(customer.resource(), true, language), false);
    }

    User insertUser(NewUser request) {
        String email = request.primaryEmail();
        if (email == null || !email.contains("@")) {
            throw SandboxError.required("primaryEmail");
        }
        String domain = email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        SandboxCustomer customer = store.customer(domain).orElse(null);
        if (customer == null) {
            throw SandboxError.invalid("Domain not found.");
        }
        if (!customer.own()) {
            throw new SandboxError(403, "forbidden", "Not Authorized to access this resource/api");
        }
        checkName(request.name());
        checkPassword(request.password());
        String key = email.toLowerCase(Locale.ROOT);
        if (store.user(key).isPresent()) {
            throw new SandboxError(409, "duplicate", "Entity already exists.");
        }
        User created = new User(store.nextUserId(), email, request.name(), request.changePasswordAtNextLogin(), false,
                customer.resource().customerId());
        if (!store.addUser(key, new SandboxUser(created, customer.language(), false))) {
            throw new SandboxError(409, "duplicate", "Entity already exists.");
        }
        return created;
    }

    synchronized void makeAdmin(String userKey, Boolean status) {
        SandboxUser user = user(userKey).orElseThrow(() -> SandboxError.notFound("Resource Not Found: userKey"));
        if (status == null) {
            throw SandboxError.required("status");
        }
        store.replaceUser(userKey.toLowerCase(Locale.ROOT),
                new SandboxUser(new User(user.resource().id(), user.resource().primaryEmail(), user.resource().name(),
                        user.resource().changePasswordAtNextLogin(), status, user.resource().customerId()),
                        user.languageAtCreation(), status));
    }

    /** users.update: only the password (and change at next sign-in) is supported — all the job changes. */
    synchronized User updateUser(String userKey, PasswordUpdate request) {
        SandboxUser user = user(userKey).orElseThrow(() -> SandboxError.notFound("Resource Not Found: userKey"));
        if (request.password() != null) {
            // Checked, and then forgotten: nothing reads a password back from Google.
            checkPassword(request.password());
        }
        User updated = new User(user.resource().id(), user.resource().primaryEmail(), user.resource().name(),
                request.changePasswordAtNextLogin() != null ? request.changePasswordAtNextLogin()
                        : user.resource().changePasswordAtNextLogin(), user.resource().isAdmin(),
                user.resource().customerId());
        store.replaceUser(userKey.toLowerCase(Locale.ROOT), new SandboxUser(updated, user.languageAtCreation(),
                user.superAdmin()));
        return updated;
    }

    private String checkNewCustomer(NewCustomer request) {
        if (request.customerDomain() == null || request.customerDomain().isBlank()) {
            throw SandboxError.required("customerDomain");
        }
        String domain = request.customerDomain().toLowerCase(Locale.ROOT);
        if (domain.startsWith("www.")) {
            throw SandboxError.invalid("Invalid customerDomain: remove the www. prefix");
        }
        String type = request.customerType() == null ? "domain" : request.customerType();
        if (type.equals("domain")) {
            String alternate = request.alternateEmail();
            if (alternate == null || alternate.isBlank()) {
                throw SandboxError.required("alternateEmail");
            }
            String alternateDomain = alternate.substring(alternate.indexOf('@') + 1).toLowerCase(Locale.ROOT);
            if (alternateDomain.equals(domain) || alternateDomain.endsWith("." + domain)) {
                throw SandboxError.invalid("Invalid alternateEmail: it must not be on the customer's domain");
            }
        } else if (type.equals("team")) {
            if (request.primaryAdmin() == null || request.primaryAdmin().primaryEmail() == null) {
                throw SandboxError.required("primaryAdmin.primaryEmail");
            }
        } else {
            throw SandboxError.invalid("Invalid customerType: " + type);
        }
        checkAddress(request.postalAddress());
        return domain;
    }

    private static void checkAddress(PostalAddress address) {
        if (address == null) {
            throw SandboxError.required("postalAddress");
        }
        requireField("postalAddress.contactName", address.contactName());
        requireField("postalAddress.organizationName", address.organizationName());
        requireField("postalAddress.postalCode", address.postalCode());
        requireField("postalAddress.countryCode", address.countryCode());
        for (String field : new String[] {address.contactName(), address.organizationName(), address.addressLine1(),
                address.addressLine2(), address.addressLine3(), address.locality(), address.region(),
                address.postalCode()}) {
            if (field != null && field.length() > 255) {
                throw SandboxError.invalid("Invalid postalAddress: a field is longer than 255 characters");
            }
        }
        if (!address.countryCode().matches("[A-Z]{2}")) {
            throw SandboxError.invalid("Invalid postalAddress.countryCode: " + address.countryCode());
        }
    }

    private static void checkName(User.Name name) {
        if (name == null) {
            throw SandboxError.required("name");
        }
        requireField("name.givenName", name.givenName());
        requireField("name.familyName", name.familyName());
        int max = User.Name.MAX_LENGTH;
        if (name.givenName().length() > max || name.familyName().length() > max) {
            throw SandboxError.invalid("Invalid Given/Family Name: longer than " + max + " characters");
        }
    }

    private static void checkPassword(String password) {
        requireField("password", password);
        if (password.length() < 8 || password.length() > 100 || !password.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw SandboxError.invalid("Invalid Password");
        }
    }

    private static void requireField(String name, String value) {
        if (value == null || value.isBlank()) {
            throw SandboxError.required(name);
        }
    }

    private SandboxCustomer ownCustomer(String key) {
        SandboxCustomer customer = find(key).orElseThrow(() -> SandboxError.notFound("Resource Not Found: customer"));
        if (!customer.own()) {
            throw new SandboxError(403, "forbidden", "Not Authorized to access this resource/api");
        }
        return customer;
    }

    /** The customer of a domain or of a customer id, as Google's customerKey may be either. */
    private Optional<SandboxCustomer> find(String key) {
        Optional<SandboxCustomer> byDomain = store.customer(key.toLowerCase(Locale.ROOT));
        return byDomain.isPresent() ? byDomain : store.customerById(key);
    }

    private static SandboxError duplicateCustomer(String domain) {
        return new SandboxError(409, "duplicate",
                "The customer " + domain + " already exists. Transfer the customer's subscriptions first.");
    }

    private static PostalAddress withKind(PostalAddress address) {
        return new PostalAddress(PostalAddress.KIND, address.contactName(), address.organizationName(),
                address.addressLine1(), address.addressLine2(), address.addressLine3(), address.locality(),
                address.region(), address.postalCode(), address.countryCode());
    }
}
