package io.onboarding.google;

/**
 * A Google API answered with an error, or could not be reached. Carries the HTTP status (0 when no
 * answer came), Google's {@code reason} and message, and which call failed.
 */
public class GoogleApiException extends RuntimeException {

    private final String call;
    private final int status;
    private final String reason;
    private final String googleMessage;

    public GoogleApiException(String call, int status, String reason, String googleMessage, Throwable cause) {
        super(call + " failed: " + (status == 0 ? "no answer" : "HTTP " + status) + " " + reason + ": " + googleMessage,
                cause);
        this.call = call;
        this.status = status;
        this.reason = reason;
        this.googleMessage = googleMessage;
    }

    public String call() {
        return call;
    }

    /** HTTP status, or 0 when the request got no answer (timeout, connection error). */
    public int status() {
        return status;
    }

    /** Google's machine-readable reason, e.g. {@code duplicate}, {@code invalid}, {@code notFound}. */
    public String reason() {
        return reason;
    }

    /** Google's human-readable message. */
    public String googleMessage() {
        return googleMessage;
    }

    public boolean isConflict() {
        return status == 409;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
