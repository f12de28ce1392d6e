package io.onboarding.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.onboarding.sandbox.SandboxTokens.IssuedToken;
import io.onboarding.sandbox.TestTokens.Refusal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The sandbox's token endpoint, and the check of the bearer tokens API calls carry. */
class SandboxTokensTests {

    private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private TestSandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = TestSandbox.start(new SandboxProperties(0, List.of(), List.of("mine.com"), null, null), json,
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Nested
    class TokenEndpoint {

        @Test
        void issuesARandomBearerTokenForAnHourAndRecordsTheAssertion() throws Exception {
            // given
            String assertion = jwt("{\"iss\":\"sa@x.iam.gserviceaccount.com\",\"sub\":\"admin@reseller.example\"}");

            // when
            HttpResponse<String> first = requestToken("grant_type=" + encode(JWT_BEARER) + "&assertion=" + assertion);
            HttpResponse<String> second = requestToken("grant_type=" + encode(JWT_BEARER) + "&assertion=" + assertion);

            // then
            assertThat(first.statusCode()).isEqualTo(200);
            Map<String, Object> answer = read(first.body());
            assertThat(answer).containsEntry("expires_in", 3600).containsEntry("token_type", "Bearer");
            String token = (String) answer.get("access_token");
            assertThat(token).startsWith("ya29.").hasSizeGreaterThan(40);
            assertThat(read(second.body()).get("access_token")).isNotEqualTo(token);
            assertThat(sandbox.tokens().assertions()).containsExactly(assertion, assertion);
            assertThat(sandbox.tokens().issued()).extracting(IssuedToken::value).first().isEqualTo(token);
            assertThat(sandbox.tokens().issued().get(0).fingerprint()).isEqualTo(SandboxTokens.fingerprint(token))
                    .hasSize(12).isNotEqualTo(token.substring(0, 12));
            assertThat(sandbox.requests()).extracting(RecordedRequest::call).containsExactly("token", "token");
        }

        @Test
        void refusesUnauthorisedDelegationWith401InGooglesOAuthFormat() throws Exception {
            sandbox.tokens().refuse(Refusal.UNAUTHORIZED_CLIENT);

            HttpResponse<String> answer = requestToken("grant_type=" + encode(JWT_BEARER) + "&assertion=" + jwt("{}"));

            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.body()).isEqualTo("{\"error\":\"unauthorized_client\",\"error_description\":\"Client is "
                    + "unauthorized to retrieve access tokens using this method, or client not authorized for any of "
                    + "the scopes requested.\"}");
            assertThat(sandbox.tokens().issued()).isEmpty();
            assertThat(sandbox.tokens().assertions()).hasSize(1);
        }

        @Test
        void refusesAnInvalidGrantWith400() throws Exception {
            sandbox.tokens().refuse(Refusal.INVALID_GRANT);

            HttpResponse<String> answer = requestToken("grant_type=" + encode(JWT_BEARER) + "&assertion=" + jwt("{}"));

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(read(answer.body())).containsEntry("error", "invalid_grant");
        }

        @Test
        void refusesAnotherGrantTypeAndAMissingAssertion() throws Exception {
            HttpResponse<String> password = requestToken("grant_type=password&username=a&password=b");
            HttpResponse<String> noAssertion = requestToken("grant_type=" + encode(JWT_BEARER));

            assertThat(password.statusCode()).isEqualTo(400);
            assertThat(read(password.body())).containsEntry("error", "unsupported_grant_type");
            assertThat(noAssertion.statusCode()).isEqualTo(400);
            assertThat(read(noAssertion.body())).containsEntry("error", "invalid_request");
            assertThat(sandbox.tokens().issued()).isEmpty();
        }
    }

    @Nested
    class ApiCalls {

        @Test
        void beforeAnyTokenIsIssuedAnyBearerTokenIsAcceptedAsInSandboxMode() throws Exception {
            HttpResponse<String> answer = getCustomer("Bearer sandbox-token");

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(sandbox.requests()).singleElement()
                    .satisfies(request -> assertThat(request.authorisedBy()).isNull());
        }

        @Test
        void onceTokensAreIssuedOnlyThoseAreAcceptedAndEachCallNamesItsToken() throws Exception {
            // given
            String token = issueToken();

            // when
            HttpResponse<String> withIssued = getCustomer("Bearer " + token);
            HttpResponse<String> withFixed = getCustomer("Bearer sandbox-token");
            HttpResponse<String> without = getCustomer(null);

            // then
            assertThat(withIssued.statusCode()).isEqualTo(200);
            assertThat(withFixed.statusCode()).isEqualTo(401);
            Map<String, Object> error = (Map<String, Object>) read(withFixed.body()).get("error");
            assertThat(error).containsEntry("code", 401);
            assertThat(error.get("message").toString()).contains("invalid authentication credentials");
            assertThat((List<Map<String, Object>>) error.get("errors")).singleElement()
                    .satisfies(detail -> assertThat(detail).containsEntry("reason", "authError"));
            assertThat(without.statusCode()).isEqualTo(401);
            assertThat(sandbox.requests()).extracting(RecordedRequest::authorisedBy)
                    .containsExactly(null, SandboxTokens.fingerprint(token), null, null);
        }

        @Test
        void aRevokedTokenIs401AndIsNotApplied() throws Exception {
            String token = issueToken();
            sandbox.tokens().revokeAll();

            HttpResponse<String> answer = getCustomer("Bearer " + token);

            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(sandbox.tokens().issued()).singleElement().satisfies(issued -> {
                assertThat(issued.revoked()).isTrue();
                assertThat(issued.toString()).doesNotContain(token);
            });
            assertThat(sandbox.requests().get(1).applied()).isFalse();
        }

        @Test
        void aResetAcceptsAnyBearerTokenAgain() throws Exception {
            issueToken();
            sandbox.tokens().refuse(Refusal.INVALID_GRANT);

            sandbox.reset();

            assertThat(getCustomer("Bearer sandbox-token").statusCode()).isEqualTo(200);
            assertThat(sandbox.tokens().assertions()).isEmpty();
            assertThat(issueToken()).isNotBlank();
        }
    }

    @Test
    void theControlEndpointsSteerTheTokensAndShowClaimsButNeitherTokenNorAssertion() throws Exception {
        // given a token issued, then the endpoint told to refuse over HTTP
        String assertion = jwt("{\"sub\":\"admin@reseller.example\",\"scope\":\"a b\"}");
        String token = issueToken(assertion);
        assertThat(control("POST", "tokens/refuse?error=unauthorized_client").statusCode()).isEqualTo(200);
        HttpResponse<String> refused = requestToken("grant_type=" + encode(JWT_BEARER) + "&assertion=" + assertion);
        control("POST", "tokens/accept");
        control("POST", "tokens/revoke");

        // when
        String tokens = control("GET", "tokens").body();
        String requests = control("GET", "requests").body();

        // then
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(getCustomer("Bearer " + token).statusCode()).isEqualTo(401);
        assertThat(tokens).contains(SandboxTokens.fingerprint(token), "\"revoked\":true", "admin@reseller.example",
                "\"scope\":\"a b\"").doesNotContain(token).doesNotContain(assertion);
        assertThat(requests).doesNotContain(assertion).doesNotContain(token);
        assertThat(sandbox.requests().toString()).contains("/token").doesNotContain(assertion);
    }

    private String issueToken() throws Exception {
        return issueToken(jwt("{\"sub\":\"admin@reseller.example\"}"));
    }

    private String issueToken(String assertion) throws Exception {
        HttpResponse<String> answer = requestToken("grant_type=" + encode(JWT_BEARER) + "&assertion=" + assertion);
        assertThat(answer.statusCode()).isEqualTo(200);
        return (String) read(answer.body()).get("access_token");
    }

    private HttpResponse<String> requestToken(String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.tokenUri()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getCustomer(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(sandbox.baseUrl() + "/apps/reseller/v1/customers/mine.com"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> control(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/_sandbox/" + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Object> read(String body) {
        return json.readValue(body, new TypeReference<Map<String, Object>>() { });
    }

    /** A JWT-shaped assertion with these claims; the sandbox does not check the signature, the tests do. */
    private static String jwt(String claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString("signature".getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
