package io.onboarding.google;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The postalAddress of a Reseller API Customer; every field at most 255 characters. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostalAddress(
        String kind,
        String contactName,
        String organizationName,
        String addressLine1,
        String addressLine2,
        String addressLine3,
        String locality,
        String region,
        String postalCode,
        String countryCode) {

    public static final String KIND = "customers#address";
}
