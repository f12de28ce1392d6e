package io.onboarding.google;

/** The base URLs the clients talk to: Google's, or the embedded sandbox's. */
public record GoogleEndpoints(String resellerBaseUrl, String directoryBaseUrl) {
}
