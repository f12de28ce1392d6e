package io.onboarding.google;

/** Body of users.makeAdmin. */
public record MakeAdminRequest(boolean status) {
}
