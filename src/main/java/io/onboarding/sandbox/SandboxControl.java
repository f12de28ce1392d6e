package io.onboarding.sandbox;

import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets a test in another process steer and read the sandbox: {@code GET requests}, {@code GET users},
 * {@code POST faults} (a {@link SandboxFaults.Rule} as JSON), {@code POST faults/clear},
 * {@code POST delay?millis=N}. Control requests are not recorded and never subject to faults.
 */
final class SandboxControl {

    /** Path prefix of the control endpoints. */
    static final String PREFIX = "/_sandbox/";

    private final SandboxServer server;
    private final JsonMapper json;

    SandboxControl(SandboxServer server, JsonMapper json) {
        this.server = server;
        this.json = json;
    }

    /** The answer body, or null for none; an unknown action is a 404. */
    Object handle(String method, String path, String query, String body) {
        String action = method + " " + path.substring(PREFIX.length());
        switch (action) {
            case "GET requests":
                return server.requests().stream().map(SandboxControl::redacted).toList();
            case "GET users":
                return server.accounts().users();
            case "POST faults":
                server.faults().add(json.readValue(body, SandboxFaults.Rule.class));
                return null;
            case "POST faults/clear":
                server.faults().clear();
                return null;
            case "POST delay":
                server.faults().delay(Duration.ofMillis(Long.parseLong(SandboxRoutes.queryParameter(query, "millis"))));
                return null;
            default:
                throw SandboxError.notFound("No sandbox control " + action);
        }
    }

    /** What leaves the process carries no password, transfer token or token assertion. */
    private static RecordedRequest redacted(RecordedRequest request) {
        String body = request.body() == null ? null : request.path().equals(SandboxRoutes.TOKEN) ? "(redacted)"
                : request.body().replaceAll("\"password\":\"(?:[^\"\\\\]|\\\\.)*\"", "\"password\":\"(redacted)\"");
        String query = request.query() == null ? null
                : request.query().replaceAll("customerAuthToken=[^&]*", "customerAuthToken=(redacted)");
        return new RecordedRequest(request.time(), request.method(), request.path(), query, body, request.status(),
                request.applied());
    }
}
