package io.onboarding.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets a test in another process steer and read a {@link TestSandbox}: {@code GET requests}, {@code GET users},
 * {@code POST faults} (a {@link SandboxFaults.Rule} as JSON), {@code POST faults/clear},
 * {@code POST delay?millis=N}, {@code GET tokens} (issued tokens by fingerprint, and the claims of the
 * assertions received), {@code POST tokens/refuse?error=unauthorized_client|invalid_grant},
 * {@code POST tokens/accept}, {@code POST tokens/revoke}. Control requests are not recorded and never
 * subject to faults.
 */
final class SandboxControl {

    /** Path prefix of the control endpoints. */
    static final String PREFIX = "/_sandbox/";

    private final TestSandbox server;
    private final JsonMapper json;

    SandboxControl(TestSandbox server, JsonMapper json) {
        this.server = server;
        this.json = json;
    }

    /** The answer body, or null for none; an unknown action is a 404. */
    Object handle(String method, String path, String query, String body) {
        String action = method + " " + path.substring(PREFIX.length());
        switch (action) {
            case "GET requests":
                return server.requests().stream().map(RecordedRequest::redacted).toList();
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
            case "GET tokens":
                return tokens();
            case "POST tokens/refuse":
                server.tokens().refuse(TestTokens.Refusal.valueOf(
                        SandboxRoutes.queryParameter(query, "error").toUpperCase(Locale.ROOT)));
                return null;
            case "POST tokens/accept":
                server.tokens().refuse(null);
                return null;
            case "POST tokens/revoke":
                server.tokens().revokeAll();
                return null;
            default:
                throw SandboxError.notFound("No sandbox control " + action);
        }
    }

    /**
     * The tokens by fingerprint and the assertions by their claims: neither can be used to call an API, so
     * they may leave the process (a whole assertion could be exchanged for a token until it expires).
     */
    private Map<String, Object> tokens() {
        List<Map<String, Object>> issued = server.tokens().issued().stream()
                .map(token -> Map.<String, Object>of("fingerprint", token.fingerprint(),
                        "expiresAt", token.expiresAt().toString(), "revoked", token.revoked()))
                .toList();
        List<Object> claims = server.tokens().assertions().stream()
                .map(assertion -> (Object) json.readValue(TestTokens.claimsJson(assertion), Map.class))
                .toList();
        return Map.of("issued", issued, "assertionClaims", claims);
    }
}
