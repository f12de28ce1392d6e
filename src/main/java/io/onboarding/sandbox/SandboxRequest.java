package io.onboarding.sandbox;

/**
 * One HTTP request to the sandbox, read whole.
 *
 * @param query the raw (still encoded) query string, or null
 * @param authorization the {@code Authorization} header, or null
 */
record SandboxRequest(String method, String path, String query, String body, String authorization) {

    /** The call in Google's naming, e.g. {@code customers.insert}, or {@code METHOD path} for others. */
    String call() {
        return SandboxRoutes.callName(method, path);
    }
}
