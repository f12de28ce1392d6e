package io.onboarding.google;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Directory API User resource as users.insert and users.get answer it. What users.insert sends is a
 * {@link NewUser}; this record holds no password, since Google never returns one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record User(
        String id,
        String primaryEmail,
        Name name,
        Boolean changePasswordAtNextLogin,
        Boolean isAdmin,
        String customerId) {

    /** The user's name; each part at most {@link #MAX_LENGTH} characters. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Name(String givenName, String familyName) {

        /** Google's limit on givenName and on familyName (the spec once said 40, which was wrong). */
        public static final int MAX_LENGTH = 60;
    }
}
