package io.onboarding.sandbox;

/** An error the sandbox answers in Google's error format. */
final class SandboxError extends RuntimeException {

    private final int status;
    private final String reason;

    SandboxError(int status, String reason, String message) {
        super(message);
        this.status = status;
        this.reason = reason;
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }

    static SandboxError invalid(String message) {
        return new SandboxError(400, "invalid", message);
    }

    static SandboxError required(String field) {
        return new SandboxError(400, "required", "Missing required field: " + field);
    }

    static SandboxError notFound(String message) {
        return new SandboxError(404, "notFound", message);
    }
}
