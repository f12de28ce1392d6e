package io.onboarding.sandbox;

import io.onboarding.google.GoogleErrorBody;
import io.onboarding.google.RequestFields;
import java.util.Locale;
import java.util.stream.Collectors;

/** An error the sandbox answers in Google's error format. */
final class SandboxError extends RuntimeException {

    private final int status;
    private final String reason;
    private final GoogleErrorBody body;

    SandboxError(int status, String reason, String message) {
        this(status, reason, message, GoogleErrorBody.of(status, reason, message));
    }

    private SandboxError(int status, String reason, String message, GoogleErrorBody body) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.body = body;
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }

    /** The answer's body, as Google words it. */
    GoogleErrorBody body() {
        return body;
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

    /**
     * A body field the method's schema does not define, refused as Google's front end does: by its name as
     * sent, and for a nested one the path to its object in the schema's proto names
     * ({@code Unknown name "foo" at 'postal_address'}).
     */
    static SandboxError unknownField(RequestFields.UnknownField field) {
        String at = field.parent().isEmpty() ? ""
                : " at '" + field.parent().stream().map(SandboxError::protoName).collect(Collectors.joining(".")) + "'";
        String message = "Invalid JSON payload received. Unknown name \"" + field.name() + "\"" + at
                + ": Cannot find field.";
        return new SandboxError(400, "invalid", message, GoogleErrorBody.invalidArgument(message));
    }

    /** {@code postalAddress} → {@code postal_address}: a JSON name back to the proto field it came from. */
    private static String protoName(String jsonName) {
        return jsonName.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }
}
