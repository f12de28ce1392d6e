package io.onboarding.google;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Reseller API Customer resource, as sent to customers.insert and returned by customers.insert/get.
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

    /** Whether this is the full resource Google only shows the customer's own reseller. */
    public boolean isFullResource() {
        return alternateEmail != null || postalAddress != null;
    }

    /** The first admin of a team customer; Google mails the verification link there. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PrimaryAdmin(String primaryEmail) {
    }
}
