package io.onboarding.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.auth.Credentials;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import io.onboarding.sandbox.RecordedRequest;
import io.onboarding.sandbox.SandboxProperties;
import io.onboarding.sandbox.TestSandbox;
import io.onboarding.sandbox.SandboxTokens;
import io.onboarding.sandbox.TestTokens;
import io.onboarding.sandbox.SandboxTokens.IssuedToken;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bearer token on every call, against the sandbox's token endpoint with a real service-account key:
 * a refused token is replaced once and the call sent once more through Spring's RestClient.
 */
class CredentialsInterceptorTests {

    /** The production HTTP stack, so that the tests see what the job sees (no hidden retries). */
    private static final org.springframework.http.client.ClientHttpRequestFactory HTTP =
            GoogleHttp.requestFactory(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(60), 8);

    private static final String ADMIN = "admin@reseller.example";

    private final JsonMapper json = JsonMapper.builder().build();
    private final TestServiceAccount account = new TestServiceAccount();
    private TestSandbox sandbox;
    private Path keyFile;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws Exception {
        sandbox = TestSandbox.start(new SandboxProperties(0, List.of(), List.of("mine.com"), null, null), json,
                Clock.systemUTC());
        keyFile = account.writeKeyFile(tmp, sandbox.tokenUri());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aTokenRevokedMidRunIsReplacedOnceAndTheRefusedCallSucceedsWhenSentAgain() throws Exception {
        // given a client that already holds a token
        ResellerClient reseller = reseller(account.credentials(keyFile, ADMIN));
        reseller.getCustomer("mine.com");
        String first = SandboxTokens.fingerprint(sandbox.tokens().issued().get(0).value());

        // when Google revokes it, and the next call is a POST with a body
        sandbox.tokens().revokeAll();
        Customer created = reseller.insertCustomer(customer("revoked.com"), null);

        // then exactly one new token was fetched, and the insert went through once, with its body, on it
        assertThat(created.customerDomain()).isEqualTo("revoked.com");
        List<IssuedToken> issued = sandbox.tokens().issued();
        assertThat(issued).hasSize(2);
        String second = issued.get(1).fingerprint();
        assertThat(sandbox.requests()).extracting(request -> request.call() + " " + request.status() + " "
                + request.authorisedBy()).containsExactly(
                        "token 200 null",
                        "customers.get 200 " + first,
                        "customers.insert 401 null",
                        "token 200 null",
                        "customers.insert 200 " + second);
        assertThat(sandbox.requests().get(4).body()).contains("\"customerDomain\":\"revoked.com\"");
        assertThat(sandbox.accounts().customers()).filteredOn(c -> c.resource().customerDomain().equals("revoked.com"))
                .hasSize(1);
    }

    @Test
    void aSecond401IsAnAuthFailureThatStopsTheRunAfterExactlyOneRefresh() throws Exception {
        // given a sandbox that accepts only the tokens it issued, and credentials whose tokens it never issued
        ResellerClient warmUp = reseller(account.credentials(keyFile, ADMIN));
        warmUp.getCustomer("mine.com");
        AtomicInteger refreshes = new AtomicInteger();
        GoogleCredentials foreign = new GoogleCredentials() {
            @Override
            public AccessToken refreshAccessToken() {
                return new AccessToken("not-from-this-server-" + refreshes.incrementAndGet(),
                        new Date(System.currentTimeMillis() + 3_600_000));
            }
        };
        ResellerClient reseller = reseller(foreign);
        int before = sandbox.requests().size();

        // when
        GoogleAuthException e = catchThrowableOfType(GoogleAuthException.class,
                () -> reseller.insertCustomer(customer("never.com"), null));

        // then: the first token, one refresh, and two refused calls — not a loop
        assertThat(refreshes).hasValue(2);
        assertThat(sandbox.requests().subList(before, sandbox.requests().size()))
                .extracting(request -> request.call() + " " + request.status())
                .containsExactly("customers.insert 401", "customers.insert 401");
        assertThat(e.getMessage()).contains("HTTP 401", "domain-wide delegation");
        assertThat(sandbox.accounts().customer("never.com")).isEmpty();
    }

    @Test
    void workersRefusedAtTheSameTimeShareOneNewToken() throws Exception {
        // given four workers holding the same token, which Google revokes while their calls are in flight
        ResellerClient reseller = reseller(account.credentials(keyFile, ADMIN));
        reseller.getCustomer("mine.com");
        sandbox.tokens().revokeAll();
        sandbox.faults().delay(Duration.ofMillis(100));
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            // when
            List<Future<Customer>> calls = List.of(workers.submit(() -> reseller.getCustomer("mine.com")),
                    workers.submit(() -> reseller.getCustomer("mine.com")),
                    workers.submit(() -> reseller.getCustomer("mine.com")),
                    workers.submit(() -> reseller.getCustomer("mine.com")));
            for (Future<Customer> call : calls) {
                assertThat(call.get().customerDomain()).isEqualTo("mine.com");
            }
        } finally {
            workers.shutdownNow();
        }

        // then
        assertThat(sandbox.tokens().issued()).hasSize(2);
        assertThat(sandbox.requests()).filteredOn(request -> request.call().equals("customers.get"))
                .filteredOn(request -> request.status() == 401).hasSize(4);
    }

    @Test
    void aFixedTokenThatIsRefusedIsNotSentAgain() throws Exception {
        // given a sandbox that has issued a token, so it refuses the sandbox mode's fixed one
        reseller(account.credentials(keyFile, ADMIN)).getCustomer("mine.com");
        ResellerClient fixed = reseller(GoogleCredentials.create(new AccessToken("sandbox-token",
                new Date(Long.MAX_VALUE))));

        GoogleAuthException e = catchThrowableOfType(GoogleAuthException.class, () -> fixed.getCustomer("mine.com"));

        assertThat(e).isNotNull();
        assertThat(sandbox.requests()).extracting(RecordedRequest::status).containsExactly(200, 200, 401);
    }

    @Test
    void anUnauthorisedClientIsToldWhereToAuthoriseWhichClientIdForWhichScopes() throws Exception {
        sandbox.tokens().refuse(TestTokens.Refusal.UNAUTHORIZED_CLIENT);
        ResellerClient reseller = reseller(account.credentials(keyFile, ADMIN));

        GoogleAuthException e = catchThrowableOfType(GoogleAuthException.class,
                () -> reseller.insertCustomer(customer("refused.com"), null));

        assertThat(e.getMessage()).contains("HTTP 401 from the token endpoint, i.e. unauthorized_client",
                "Security > API controls > Domain-wide delegation", "client ID " + TestServiceAccount.CLIENT_ID,
                String.join(",", TestServiceAccount.SCOPES));
        assertThat(e.getMessage()).doesNotContain(sandbox.tokens().assertions().get(0));
        assertThat(sandbox.requests()).extracting(RecordedRequest::call).containsOnly("token");
    }

    @Test
    void anInvalidGrantNamesTheDelegatedAdminToCheck() throws Exception {
        sandbox.tokens().refuse(TestTokens.Refusal.INVALID_GRANT);
        ResellerClient reseller = reseller(account.credentials(keyFile, ADMIN));

        GoogleAuthException e = catchThrowableOfType(GoogleAuthException.class, () -> reseller.getCustomer("mine.com"));

        assertThat(e.getMessage()).contains("invalid_grant", ADMIN, "onboarding.google.delegated-admin",
                "Domain-wide delegation");
        assertThat(sandbox.requests()).extracting(RecordedRequest::call).containsOnly("token");
    }

    private ResellerClient reseller(Credentials credentials) {
        RestClient rest = RestClient.builder()
                .baseUrl(sandbox.baseUrl())
                .requestFactory(HTTP)
                .requestInterceptor(new CredentialsInterceptor(credentials))
                .build();
        return new RestResellerClient(rest, new GoogleErrors(json, Clock.systemUTC()), new ApiThrottle("reseller", 0, new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
    }

    private static NewCustomer customer(String domain) {
        PostalAddress address = new PostalAddress(PostalAddress.KIND, "Con Tact", "Org", "1 Street", null, null,
                "Town", null, "12345", "US");
        return new NewCustomer(domain, "domain", "it@example.com", null, address, null);
    }
}
