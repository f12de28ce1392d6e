package io.onboarding.google;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of customers.insert: only fields of Google's Customer schema ({@link RequestFields}), and no
 * method Jackson would take for one. Google answers with the {@link Customer} it made.
 *
 * @param kind always {@link Customer#KIND}
 * @param primaryAdmin team customers only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record NewCustomer(
        String kind,
        String customerDomain,
        String customerType,
        String alternateEmail,
        String phoneNumber,
        PostalAddress postalAddress,
        Customer.PrimaryAdmin primaryAdmin) {

    /** A customer to order, of the kind Google expects. */
    public NewCustomer(String customerDomain, String customerType, String alternateEmail, String phoneNumber,
            PostalAddress postalAddress, Customer.PrimaryAdmin primaryAdmin) {
        this(Customer.KIND, customerDomain, customerType, alternateEmail, phoneNumber, postalAddress, primaryAdmin);
    }
}
