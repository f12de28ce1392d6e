package io.onboarding.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The sandbox's token endpoint as tests steer it: the assertions it received, refusals, revocations; the tokens
 * themselves are the sandbox's ({@link SandboxTokens}).
 */
public final class TestTokens {

    /** How the token endpoint can refuse, answered as Google's OAuth server does. */
    public enum Refusal {
        /** Domain-wide delegation is missing, or lacks one of the scopes asked for. */
        UNAUTHORIZED_CLIENT(401, "unauthorized_client", "Client is unauthorized to retrieve access tokens using "
                + "this method, or client not authorized for any of the scopes requested."),
        /** The impersonated user does not exist (or the key was deleted, or the clock is off). */
        INVALID_GRANT(400, "invalid_grant", "Invalid email or User ID");

        private final int status;
        private final String error;
        private final String description;

        Refusal(int status, String error, String description) {
            this.status = status;
            this.error = error;
            this.description = description;
        }

        public int status() {
            return status;
        }

        /** Google's body: {@code {"error": ..., "error_description": ...}}. */
        public Map<String, Object> body() {
            return SandboxTokens.oauthError(error, description);
        }
    }

    private final Supplier<SandboxServer> server;
    private final List<String> assertions = new ArrayList<>();
    private Refusal refusal;

    TestTokens(Supplier<SandboxServer> server) {
        this.server = server;
    }

    /** Every JWT assertion the endpoint received, refused or not, in arrival order. */
    public synchronized List<String> assertions() {
        return List.copyOf(assertions);
    }

    /** Every access token issued since start or the last reset, in order. */
    public List<SandboxTokens.IssuedToken> issued() {
        return server.get().tokens().issued();
    }

    /** From now on, every token request is refused this way; null issues tokens again. */
    public synchronized void refuse(Refusal refusal) {
        this.refusal = refusal;
    }

    /** Every token issued so far stops working, as when Google revokes or expires it early. */
    public void revokeAll() {
        server.get().tokens().revokeAll();
    }

    /** The claims of a JWT, decoded but not verified (tests verify the signature with the public key). */
    static String claimsJson(String assertion) {
        String payload = assertion.split("\\.", -1)[1];
        return new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
    }

    /** The token endpoint's answer: the sandbox's, unless a refusal is switched on; a well-formed assertion is kept. */
    synchronized SandboxAnswer grant(SandboxRequest request, SandboxServer sandbox) {
        String assertion = SandboxRoutes.queryParameter(request.body(), "assertion");
        boolean wellFormed = request.method().equals("POST")
                && SandboxTokens.JWT_BEARER.equals(SandboxRoutes.queryParameter(request.body(), "grant_type"))
                && assertion != null && assertion.split("\\.", -1).length == 3;
        if (wellFormed) {
            assertions.add(assertion);
            if (refusal != null) {
                return new SandboxAnswer(refusal.status(), refusal.body(), false, null);
            }
        }
        return sandbox.token(request);
    }

    synchronized void reset() {
        assertions.clear();
        refusal = null;
    }
}
