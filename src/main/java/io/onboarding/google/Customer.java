package io.onboarding.google;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Reseller API Customer resource as customers.insert and customers.get answer it. What customers.insert
 * sends is a {@link NewCustomer}: this record holds fields Google fills in, never sent.
 *
 * @param alternateEmail present only when the customer is ours: customers.get answers a foreign
 *     customer with just customerId, customerDomain and customerType
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Customer(
        String kind,
        String customerId,
        String customerDomain,
        String customerType,
        String alternateEmail,
        String phoneNumber,
        PostalAddress postalAddress,
        PrimaryAdmin primaryAdmin,
        String resourceUiUrl,
        Boolean customerDomainVerified) {

    public static final String KIND = "reseller#customer";

    /**
     * Whether this is the full resource Google only shows the customer's own reseller. Not a field of the
     * resource: without {@code @JsonIgnore} Jackson would write it as {@code fullResource} (the sandbox
     * serves Customers).
     */
    @JsonIgnore
    public boolean isFullResource() {
        return alternateEmail != null || postalAddress != null;
    }

    /** The first admin of a team customer; Google mails the verification link there. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PrimaryAdmin(String primaryEmail) {
    }
}
