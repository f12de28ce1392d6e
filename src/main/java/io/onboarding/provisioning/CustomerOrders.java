package io.onboarding.provisioning;

import static io.onboarding.csv.CustomerColumn.ADDRESS_LINE1;
import static io.onboarding.csv.CustomerColumn.ADDRESS_LINE2;
import static io.onboarding.csv.CustomerColumn.ADDRESS_LINE3;
import static io.onboarding.csv.CustomerColumn.ALTERNATE_EMAIL;
import static io.onboarding.csv.CustomerColumn.CONTACT_NAME;
import static io.onboarding.csv.CustomerColumn.COUNTRY_CODE;
import static io.onboarding.csv.CustomerColumn.CUSTOMER_AUTH_TOKEN;
import static io.onboarding.csv.CustomerColumn.LOCALITY;
import static io.onboarding.csv.CustomerColumn.ORGANIZATION_NAME;
import static io.onboarding.csv.CustomerColumn.PHONE_NUMBER;
import static io.onboarding.csv.CustomerColumn.POSTAL_CODE;
import static io.onboarding.csv.CustomerColumn.PRIMARY_ADMIN_EMAIL;
import static io.onboarding.csv.CustomerColumn.REGION;

import io.onboarding.google.Customer;
import io.onboarding.google.GoogleApiException;
import io.onboarding.google.NewCustomer;
import io.onboarding.google.PostalAddress;
import io.onboarding.google.ResellerClient;
import io.onboarding.validation.CustomerAddress;
import io.onboarding.validation.CustomerType;
import io.onboarding.validation.ValidatedCustomer;

/**
 * Step 1, customers.insert, without ever ordering twice. After a 409, or a failure that may have been
 * applied, customers.get decides: the full resource means the customer is already ours; the minimal
 * one means it belongs to somebody else; 404 means it does not exist, so the order is sent again.
 */
final class CustomerOrders {

    /**
     * How the order ended: ours (with its id), or owned by somebody else.
     *
     * @param transferred whether Google moved an existing customer to us with the row's transfer token
     */
    record Result(String customerId, boolean ownedElsewhere, boolean transferred) {
    }

    private final ResellerClient reseller;
    private final TransientRetry retry;

    CustomerOrders(ResellerClient reseller, TransientRetry retry) {
        this.reseller = reseller;
        this.retry = retry;
    }

    Result order(ValidatedCustomer row) {
        // A token only means a transfer when somebody else has the domain now; otherwise it is a plain order.
        boolean transfer = row.value(CUSTOMER_AUTH_TOKEN) != null && ownedElsewhere(row.customerDomain());
        String token = transfer ? row.value(CUSTOMER_AUTH_TOKEN) : null;
        GoogleApiException last = null;
        // An order that Google, when asked, had not applied is sent again within the same budget as any call.
        int maxOrders = retry.maxAttempts();
        for (int order = 1; order <= maxOrders; order++) {
            try {
                // Rejected-not-applied failures (429, quota) are simply retried; ambiguous ones are reconciled.
                Customer created = retry.call(() -> reseller.insertCustomer(resource(row), token),
                        e -> e.isTransient() && !e.isAmbiguous());
                return new Result(created.customerId(), false, transfer);
            } catch (GoogleApiException e) {
                // Only a 409 or a failure that may have been applied needs Google asked; anything else —
                // a permanent error, or a retry budget spent on 429s — ends the row with that error.
                if (!e.isConflict() && !e.isAmbiguous()) {
                    throw e;
                }
                last = e;
            }
            // 409, or we cannot tell whether Google applied it: ask Google who has the domain now.
            try {
                Customer existing = retry.call(() -> reseller.getCustomer(row.customerDomain()));
                if (existing.isFullResource()) {
                    return new Result(existing.customerId(), false, transfer);
                }
                // Still somebody else's. After a 409, or for a plain order, that is final. After an ambiguous
                // transfer it only means the move was not applied: the token is still valid, so send it again.
                if (!transfer || last.isConflict()) {
                    return new Result(existing.customerId(), true, false);
                }
            } catch (GoogleApiException e) {
                if (!e.isNotFound()) {
                    throw e;
                }
                // Not there: the earlier order was not applied.
            }
            if (order < maxOrders) {
                // Wait as for any failure, then send the order again: a retry the row's report counts.
                retry.resend(order, last);
            }
        }
        throw last;
    }

    private boolean ownedElsewhere(String domain) {
        try {
            return !retry.call(() -> reseller.getCustomer(domain)).isFullResource();
        } catch (GoogleApiException e) {
            if (e.isNotFound()) {
                return false;
            }
            throw e;
        }
    }

    private static NewCustomer resource(ValidatedCustomer row) {
        // Google's postalAddress, field by field from the row's address columns (which share Google's names).
        CustomerAddress cells = row.address();
        PostalAddress address = new PostalAddress(PostalAddress.KIND, cells.get(CONTACT_NAME),
                cells.get(ORGANIZATION_NAME), cells.get(ADDRESS_LINE1), cells.get(ADDRESS_LINE2),
                cells.get(ADDRESS_LINE3), cells.get(LOCALITY), cells.get(REGION), cells.get(POSTAL_CODE),
                cells.get(COUNTRY_CODE));
        Customer.PrimaryAdmin primaryAdmin = row.customerType() == CustomerType.TEAM
                ? new Customer.PrimaryAdmin(row.value(PRIMARY_ADMIN_EMAIL)) : null;
        return new NewCustomer(row.customerDomain(), row.customerType().apiValue(),
                row.value(ALTERNATE_EMAIL), row.value(PHONE_NUMBER), address, primaryAdmin);
    }
}
