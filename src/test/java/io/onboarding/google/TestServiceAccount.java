package io.onboarding.google;

import com.google.auth.oauth2.ServiceAccountCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A throwaway service account for tests: an RSA 2048 key pair made on the spot, its JSON key file in
 * Google's format, and an RS256 check of the JWTs signed with it — so the real google-auth code path
 * runs against the sandbox's token endpoint, with no key of any real account anywhere.
 */
public final class TestServiceAccount {

    public static final String CLIENT_EMAIL = "onboarding@reseller-test.iam.gserviceaccount.com";
    public static final String CLIENT_ID = "104729104729104729104";
    public static final String PRIVATE_KEY_ID = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c";
    public static final List<String> SCOPES = List.of("https://www.googleapis.com/auth/apps.order",
            "https://www.googleapis.com/auth/admin.directory.customer",
            "https://www.googleapis.com/auth/admin.directory.user");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KeyPair keys;

    public TestServiceAccount() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code service-account.json} into {@code dir}, its {@code token_uri} pointing at {@code tokenUri}. */
    public Path writeKeyFile(Path dir, String tokenUri) throws IOException {
        Map<String, String> key = new LinkedHashMap<>();
        key.put("type", "service_account");
        key.put("project_id", "reseller-test");
        key.put("private_key_id", PRIVATE_KEY_ID);
        key.put("private_key", privateKeyPem());
        key.put("client_email", CLIENT_EMAIL);
        key.put("client_id", CLIENT_ID);
        key.put("auth_uri", "https://accounts.google.com/o/oauth2/auth");
        key.put("token_uri", tokenUri);
        return Files.writeString(dir.resolve("service-account.json"), JSON.writeValueAsString(key));
    }

    /** Credentials as production builds them: from the key file, scoped, acting for {@code delegatedAdmin}. */
    public ServiceAccountCredentials credentials(Path keyFile, String delegatedAdmin) throws IOException {
        try (InputStream in = Files.newInputStream(keyFile)) {
            return (ServiceAccountCredentials) ServiceAccountCredentials.fromStream(in).createScoped(SCOPES)
                    .createDelegated(delegatedAdmin);
        }
    }

    /** The base64 body of the PKCS#8 private key, on one line: what must never appear in a log. */
    public String privateKeyBase64() {
        return Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded());
    }

    /** Every 40-character slice of the private key's base64 body. */
    public List<String> privateKeySlices() {
        String body = privateKeyBase64();
        List<String> slices = new ArrayList<>();
        for (int start = 0; start + 40 <= body.length(); start++) {
            slices.add(body.substring(start, start + 40));
        }
        return slices;
    }

    public PublicKey publicKey() {
        return keys.getPublic();
    }

    /** Whether the JWT's RS256 signature verifies with {@code key}. */
    public static boolean signatureVerifies(String jwt, PublicKey key) throws GeneralSecurityException {
        String[] parts = jwt.split("\\.", -1);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    /** The JWT's header ({@code alg}, {@code kid}, ...), decoded. */
    public static Map<String, Object> header(String jwt) {
        return decode(jwt.split("\\.", -1)[0]);
    }

    /** The JWT's claims, decoded (check the signature separately). */
    public static Map<String, Object> claims(String jwt) {
        return decode(jwt.split("\\.", -1)[1]);
    }

    private String privateKeyPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    private static Map<String, Object> decode(String part) {
        return JSON.readValue(Base64.getUrlDecoder().decode(part), new TypeReference<Map<String, Object>>() { });
    }
}
