package io.onboarding.google;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of users.insert: only fields of Google's User schema ({@link RequestFields}). Google answers
 * with the {@link User} it made. {@link #toString()} hides the password so that no log line can carry it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record NewUser(String primaryEmail, User.Name name, String password, Boolean changePasswordAtNextLogin) {

    /** A new user with a clear-text password it must change at first sign-in. */
    public static NewUser admin(String primaryEmail, String givenName, String familyName, String password) {
        return new NewUser(primaryEmail, new User.Name(givenName, familyName), password, true);
    }

    @Override
    public String toString() {
        return "NewUser[primaryEmail=" + primaryEmail + ", name=" + name + ", password="
                + (password == null ? "null" : "(hidden)") + ", changePasswordAtNextLogin="
                + changePasswordAtNextLogin + "]";
    }
}
