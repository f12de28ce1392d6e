package io.onboarding.google;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of users.update when only the password changes: fields of Google's User schema
 * ({@link RequestFields}). {@link #toString()} hides the password so that no log line can carry it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PasswordUpdate(String password, Boolean changePasswordAtNextLogin) {

    /** A clear-text password the user must change at the next sign-in. */
    public static PasswordUpdate temporary(String password) {
        return new PasswordUpdate(password, true);
    }

    @Override
    public String toString() {
        return "PasswordUpdate[password=" + (password == null ? "null" : "(hidden)")
                + ", changePasswordAtNextLogin=" + changePasswordAtNextLogin + "]";
    }
}
