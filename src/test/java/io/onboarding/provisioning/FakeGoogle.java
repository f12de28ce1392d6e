package io.onboarding.provisioning;

import io.onboarding.google.Customer;
import io.onboarding.google.DirectoryClient;
import io.onboarding.google.GoogleApiException;
import io.onboarding.google.NewCustomer;
import io.onboarding.google.NewUser;
import io.onboarding.google.ResellerClient;
import io.onboarding.google.User;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Both APIs as a small stateful fake: it remembers customers (own or foreign) and users, logs each call,
 * and fails calls as scripted — before applying them, or after (the ambiguous case).
 */
class FakeGoogle implements ResellerClient, DirectoryClient {

    /** A scripted failure for the next call of that name. */
    record Failure(int status, String reason, boolean afterApplying) {
    }

    final List<String> calls = new ArrayList<>();
    /** Every customer ordered, as sent. */
    final List<NewCustomer> orders = new ArrayList<>();
    final Map<String, String> ownCustomers = new HashMap<>();
    final Set<String> foreignDomains = new HashSet<>();
    final Map<String, String> languages = new HashMap<>();
    final Map<String, String> passwords = new HashMap<>();
    /** Which customer each user belongs to; a user of somebody else has another id. */
    final Map<String, String> userCustomers = new HashMap<>();
    final Set<String> superAdmins = new HashSet<>();
    final Map<String, Integer> applied = new HashMap<>();
    private final Map<String, Deque<Failure>> script = new HashMap<>();
    private int ids;

    void fail(String call, int status, String reason, boolean afterApplying) {
        script.computeIfAbsent(call, key -> new ArrayDeque<>()).add(new Failure(status, reason, afterApplying));
    }

    int appliedCount(String call) {
        return applied.getOrDefault(call, 0);
    }

    @Override
    public Customer insertCustomer(NewCustomer customer, String customerAuthToken) {
        String domain = customer.customerDomain();
        orders.add(customer);
        Failure failure = before("customers.insert", domain);
        if (ownCustomers.containsKey(domain) || (foreignDomains.contains(domain) && customerAuthToken == null)) {
            throw new GoogleApiException("customers.insert", 409, "duplicate", "exists", null);
        }
        foreignDomains.remove(domain);
        ownCustomers.put(domain, "C" + ++ids);
        after("customers.insert", failure);
        return new Customer(Customer.KIND, ownCustomers.get(domain), domain, customer.customerType(),
                customer.alternateEmail(), null, customer.postalAddress(), customer.primaryAdmin(), null, false);
    }

    @Override
    public Customer getCustomer(String domain) {
        Failure failure = before("customers.get", domain);
        after("customers.get", failure);
        if (ownCustomers.containsKey(domain)) {
            return new Customer(Customer.KIND, ownCustomers.get(domain), domain, "domain", "it@example.com", null,
                    null, null, null, true);
        }
        if (foreignDomains.contains(domain)) {
            return new Customer(Customer.KIND, "CFOREIGN", domain, "domain", null, null, null, null, null, null);
        }
        throw new GoogleApiException("customers.get", 404, "notFound", "not found", null);
    }

    @Override
    public void setCustomerLanguage(String customerKey, String language) {
        Failure failure = before("customers.patch", customerKey + " " + language);
        languages.put(customerKey, language);
        after("customers.patch", failure);
    }

    @Override
    public User insertUser(NewUser user) {
        Failure failure = before("users.insert", user.primaryEmail());
        if (passwords.containsKey(user.primaryEmail())) {
            throw new GoogleApiException("users.insert", 409, "duplicate", "Entity already exists.", null);
        }
        passwords.put(user.primaryEmail(), user.password());
        userCustomers.put(user.primaryEmail(), ownCustomers.get(user.primaryEmail().substring(user.primaryEmail()
                .indexOf('@') + 1)));
        after("users.insert", failure);
        return new User("1", user.primaryEmail(), user.name(), user.changePasswordAtNextLogin(), false,
                userCustomers.get(user.primaryEmail()));
    }

    /** A user that exists at Google but not in any customer of ours: a consumer account, say. */
    void foreignUser(String email) {
        passwords.put(email, "not ours");
        userCustomers.put(email, "CSTRANGER");
    }

    @Override
    public User getUser(String userKey) {
        Failure failure = before("users.get", userKey);
        after("users.get", failure);
        if (!userCustomers.containsKey(userKey)) {
            throw new GoogleApiException("users.get", 404, "notFound", "Resource Not Found: userKey", null);
        }
        return new User("1", userKey, null, null, false, userCustomers.get(userKey));
    }

    @Override
    public void resetPassword(String userKey, String password) {
        Failure failure = before("users.update", userKey);
        if (!passwords.containsKey(userKey)) {
            throw new GoogleApiException("users.update", 404, "notFound", "Resource Not Found: userKey", null);
        }
        passwords.put(userKey, password);
        after("users.update", failure);
    }

    @Override
    public void makeSuperAdmin(String userKey) {
        Failure failure = before("users.makeAdmin", userKey);
        superAdmins.add(userKey);
        after("users.makeAdmin", failure);
    }

    private Failure before(String call, String detail) {
        calls.add(call + " " + detail);
        Deque<Failure> failures = script.get(call);
        Failure failure = failures == null ? null : failures.poll();
        if (failure != null && !failure.afterApplying()) {
            throw new GoogleApiException(call, failure.status(), failure.reason(), "scripted failure", null);
        }
        return failure;
    }

    private void after(String call, Failure failure) {
        applied.merge(call, 1, Integer::sum);
        if (failure != null) {
            throw new GoogleApiException(call, failure.status(), failure.reason(), "scripted failure", null);
        }
    }
}
