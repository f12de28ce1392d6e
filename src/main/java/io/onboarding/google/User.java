package io.onboarding.google;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Directory API User resource as sent to users.insert; Google never returns the password.
 * {@link #toString()} hides the password so that no log line can carry it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record User(
        String id,
        String primaryEmail,
        Name name,
        String password,
        Boolean changePasswordAtNextLogin,
        Boolean isAdmin,
        String customerId) {

    /** A new user to create, with a clear-text password it must change at first sign-in. */
    public static User newAdmin(String primaryEmail, String givenName, String familyName, String password) {
        return new User(null, primaryEmail, new Name(givenName, familyName), password, true, null, null);
    }

    @Override
    public String toString() {
        return "User[primaryEmail=" + primaryEmail + ", name=" + name + ", password="
                + (password == null ? "null" : "(hidden)") + ", isAdmin=" + isAdmin + "]";
    }

    /** The user's name; each part at most 40 characters. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Name(String givenName, String familyName) {
    }
}
