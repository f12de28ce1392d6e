package io.onboarding.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's OAuth token endpoint ({@code POST /token}, the JWT-bearer grant a service account uses) and
 * the access tokens it issued. Until it issues one, any bearer token is accepted, so the sandbox mode's
 * fixed token keeps working; from the first issued token on, only tokens it issued and did not revoke
 * are, as at Google. Thread-safe. It keeps no assertion it received; the sandbox mode itself never asks for a
 * token (its calls carry a fixed one), only tests that run the production sign-in against the sandbox do.
 */
public final class SandboxTokens {

    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final Duration LIFETIME = Duration.ofHours(1);

    /**
     * An access token the endpoint issued. {@link #toString()} shows the fingerprint only, so that a test's
     * failure message cannot print the token.
     */
    public record IssuedToken(String value, String fingerprint, Instant expiresAt, boolean revoked) {

        @Override
        public String toString() {
            return "IssuedToken[fingerprint=" + fingerprint + ", expiresAt=" + expiresAt + ", revoked=" + revoked + "]";
        }
    }

    /** The token endpoint's answer. */
    record Grant(int status, Map<String, Object> body) {
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, IssuedToken> issued = new LinkedHashMap<>();
    /** Read on every API call without the lock: the sandbox mode's calls never contend on it. */
    private volatile boolean onlyIssuedTokens;

    SandboxTokens(Clock clock) {
        this.clock = clock;
    }

    /** The first 12 hex digits of the token's SHA-256: names a token in logs and records without giving it away. */
    public static String fingerprint(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Every access token issued since start or the last reset, in order. */
    public synchronized List<IssuedToken> issued() {
        return List.copyOf(issued.values());
    }

    /** Every token issued so far stops working, as when Google revokes or expires it early. */
    synchronized void revokeAll() {
        issued.replaceAll((value, token) -> new IssuedToken(value, token.fingerprint(), token.expiresAt(), true));
    }

    /** Forgets the tokens: any bearer token is accepted again. */
    synchronized void reset() {
        issued.clear();
        onlyIssuedTokens = false;
    }

    /** Answers one request to the token endpoint. */
    synchronized Grant grant(String method, String form) {
        if (!method.equals("POST")) {
            return new Grant(405, oauthError("invalid_request", "The token endpoint takes POST only."));
        }
        String grantType = SandboxRoutes.queryParameter(form, "grant_type");
        String assertion = SandboxRoutes.queryParameter(form, "assertion");
        if (!JWT_BEARER.equals(grantType)) {
            return new Grant(400, oauthError("unsupported_grant_type", "Invalid grant_type: " + grantType));
        }
        if (assertion == null || assertion.split("\\.", -1).length != 3) {
            return new Grant(400, oauthError("invalid_request", "Missing or malformed assertion: a JWT is expected."));
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        // Google's access tokens start with "ya29."; the rest is random, so no two runs share one.
        String value = "ya29.sandbox-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        issued.put(value, new IssuedToken(value, fingerprint(value), clock.instant().plus(LIFETIME), false));
        onlyIssuedTokens = true;
        return new Grant(200, Map.of("access_token", value, "expires_in", LIFETIME.toSeconds(),
                "token_type", "Bearer"));
    }

    /**
     * Checks an API call's {@code Authorization} header: the fingerprint of the issued token it carries, or
     * null while any bearer token is accepted. A missing or unknown, revoked or expired token is a 401.
     */
    String authorise(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= 7) {
            throw new SandboxError(401, "authError", "Request is missing required authentication credential.");
        }
        if (!onlyIssuedTokens) {
            return null;
        }
        IssuedToken token;
        synchronized (this) {
            token = issued.get(authorization.substring(7));
        }
        if (token == null || token.revoked() || !clock.instant().isBefore(token.expiresAt())) {
            throw new SandboxError(401, "authError", "Request had invalid authentication credentials. Expected OAuth 2 "
                    + "access token, login cookie or other valid authentication credential.");
        }
        return token.fingerprint();
    }

    /** Google's OAuth error body: {@code {"error": ..., "error_description": ...}}. */
    static Map<String, Object> oauthError(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return body;
    }
}
