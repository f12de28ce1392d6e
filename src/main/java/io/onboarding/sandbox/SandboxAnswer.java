package io.onboarding.sandbox;

import java.util.Map;

/**
 * What the sandbox answers one request.
 *
 * @param status the HTTP status; {@link #CUT} closes the connection without any answer
 * @param body written as JSON; null for none
 * @param applied whether the sandbox carried the request out, whatever the client is answered
 * @param authorisedBy the fingerprint of the issued token the call carried; null when none was checked
 * @param headers extra response headers
 */
record SandboxAnswer(int status, Object body, boolean applied, String authorisedBy, Map<String, String> headers) {

    /** No status at all: the connection is closed before any header is sent. */
    static final int CUT = 0;

    SandboxAnswer(int status, Object body, boolean applied, String authorisedBy) {
        this(status, body, applied, authorisedBy, Map.of());
    }
}
