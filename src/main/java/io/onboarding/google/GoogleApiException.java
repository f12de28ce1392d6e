package io.onboarding.google;

import java.time.Duration;
import java.util.Optional;

/**
 * A Google API answered with an error, or could not be reached. Carries the HTTP status (0 when no
 * answer came), Google's {@code reason} and message, and which call failed.
 */
public class GoogleApiException extends RuntimeException {

    private final String call;
    private final int status;
    private final String reason;
    private final String googleMessage;
    private final int attempts;
    private final boolean afterAmbiguous;
    private final Duration retryAfter;

    public GoogleApiException(String call, int status, String reason, String googleMessage, Throwable cause) {
        this(call, status, reason, googleMessage, cause, 1, false, null);
    }

    private GoogleApiException(String call, int status, String reason, String googleMessage, Throwable cause,
            int attempts, boolean afterAmbiguous, Duration retryAfter) {
        super(call + " failed: " + (status == 0 ? "no answer" : "HTTP " + status) + " " + reason + ": " + googleMessage,
                cause);
        this.call = call;
        this.status = status;
        this.reason = reason;
        this.googleMessage = googleMessage;
        this.attempts = attempts;
        this.afterAmbiguous = afterAmbiguous;
        this.retryAfter = retryAfter;
    }

    /**
     * The same failure, as the last of {@code attempts} tries.
     *
     * @param afterAmbiguous whether an earlier try failed in a way that may have been applied
     */
    public GoogleApiException afterAttempts(int attempts, boolean afterAmbiguous) {
        return new GoogleApiException(call, status, reason == null ? "unknown" : reason, googleMessage, getCause(),
                attempts, afterAmbiguous, retryAfter);
    }

    /** The same failure, with how long Google asked us to wait (its {@code Retry-After} header), or null. */
    public GoogleApiException retryingAfter(Duration retryAfter) {
        return new GoogleApiException(call, status, reason, googleMessage, getCause(), attempts, afterAmbiguous,
                retryAfter);
    }

    /** How long Google asked us to wait before trying again, when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Whether an earlier try of the same call may have been applied by Google although it failed. */
    public boolean afterAmbiguous() {
        return afterAmbiguous;
    }

    /** How many times the call was sent before this answer; more than one means it was retried. */
    public int attempts() {
        return attempts;
    }

    /**
     * Whether Google may have applied the call although it failed: no answer at all, or a 5xx after
     * the request was sent.
     */
    public boolean isAmbiguous() {
        return status == 0 || status >= 500;
    }

    /** Whether trying again later can succeed: ambiguous failures, 429, and 403 rate or quota reasons. */
    public boolean isTransient() {
        return isAmbiguous() || status == 429 || (status == 403 && ("rateLimitExceeded".equals(reason)
                || "userRateLimitExceeded".equals(reason) || "quotaExceeded".equals(reason)));
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
