package io.onboarding.sandbox;

import java.time.Instant;

/**
 * One request the sandbox received, for tests to assert on: what was called, in which order, with what.
 *
 * @param status what the client was answered; 0 when the connection was cut instead
 * @param applied whether the sandbox carried the request out, whatever the client was answered
 * @param authorisedBy the {@link SandboxTokens#fingerprint fingerprint} of the issued access token the call
 *     carried; null when none was checked (before the sandbox issued any, for the token endpoint itself, and
 *     for a call refused for its token)
 */
public record RecordedRequest(Instant time, String method, String path, String query, String body, int status,
        boolean applied, String authorisedBy) {

    /** The call in Google's naming, e.g. {@code customers.insert}, or {@code METHOD path} for others. */
    public String call() {
        return SandboxRoutes.callName(method, path);
    }

    /** The same request without its password, transfer token or token assertion: what may leave the process. */
    public RecordedRequest redacted() {
        String safeBody = body == null ? null : path.equals(SandboxRoutes.TOKEN) ? "(redacted)"
                : body.replaceAll("\"password\":\"(?:[^\"\\\\]|\\\\.)*\"", "\"password\":\"(redacted)\"");
        String safeQuery = query == null ? null
                : query.replaceAll("customerAuthToken=[^&]*", "customerAuthToken=(redacted)");
        return new RecordedRequest(time, method, path, safeQuery, safeBody, status, applied, authorisedBy);
    }

    /** Redacted, so that a failing test's message cannot print a secret either. */
    @Override
    public String toString() {
        RecordedRequest safe = redacted();
        return "RecordedRequest[time=" + time + ", method=" + method + ", path=" + path + ", query=" + safe.query
                + ", body=" + safe.body + ", status=" + status + ", applied=" + applied + ", authorisedBy="
                + authorisedBy + "]";
    }
}
