package io.onboarding.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.sun.net.httpserver.HttpServer;
import io.onboarding.sandbox.RecordedRequest;
import io.onboarding.sandbox.SandboxProperties;
import io.onboarding.sandbox.TestSandbox;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** The typed clients against the embedded sandbox: what each call sends, answers and throws. */
class GoogleClientsAgainstSandboxTests {

    /** The production HTTP stack, so that the tests see what the job sees (no hidden retries). */
    private static final org.springframework.http.client.ClientHttpRequestFactory HTTP =
            GoogleHttp.requestFactory(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(60), 8);

    private final JsonMapper json = JsonMapper.builder().build();
    private TestSandbox sandbox;
    private ResellerClient reseller;
    private DirectoryClient directory;

    @BeforeEach
    void start() throws Exception {
        sandbox = TestSandbox.start(new SandboxProperties(0, List.of("foreign.com"), List.of("mine.com"), null, null), json,
                Clock.systemUTC());
        reseller = new RestResellerClient(client(sandbox.baseUrl(), "token"), new GoogleErrors(json, Clock.systemUTC()),
                new ApiThrottle("reseller", 0, new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
        directory = new RestDirectoryClient(client(sandbox.baseUrl(), "token"), new GoogleErrors(json, Clock.systemUTC()),
                new ApiThrottle("directory", 0, new io.micrometer.core.instrument.simple.SimpleMeterRegistry()), new UserCreationLimit(10));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Nested
    class CustomersInsert {

        @Test
        void createsTheCustomerAndAnswersWithItsId() {
            Customer created = reseller.insertCustomer(domainCustomer("new.com", "it@example.com"), null);

            assertThat(created.customerId()).matches("C[0-9a-f]{8}");
            assertThat(created.customerDomain()).isEqualTo("new.com");
            assertThat(created.kind()).isEqualTo("reseller#customer");
            assertThat(sandbox.requests()).singleElement().satisfies(request -> {
                assertThat(request.call()).isEqualTo("customers.insert");
                assertThat(request.query()).isNull();
            });
        }

        @Test
        void anExistingDomainIsA409WithGooglesReason() {
            GoogleApiException e = catchThrowableOfType(GoogleApiException.class,
                    () -> reseller.insertCustomer(domainCustomer("foreign.com", "it@example.com"), null));

            assertThat(e.status()).isEqualTo(409);
            assertThat(e.isConflict()).isTrue();
            assertThat(e.reason()).isEqualTo("duplicate");
            assertThat(e.googleMessage()).contains("already exists");
            assertThat(e.call()).isEqualTo("customers.insert");
        }

        @Test
        void sendsTheTransferTokenAsAQueryParameter() {
            Customer transferred = reseller.insertCustomer(domainCustomer("foreign.com", "it@example.com"), "a1b2c3");

            assertThat(transferred.customerDomain()).isEqualTo("foreign.com");
            assertThat(sandbox.requests().get(0).query()).isEqualTo("customerAuthToken=a1b2c3");
            assertThat(reseller.getCustomer("foreign.com").isFullResource()).isTrue();
        }

        @Test
        void refusesAnAlternateEmailOnTheCustomersOwnDomain() {
            GoogleApiException e = catchThrowableOfType(GoogleApiException.class,
                    () -> reseller.insertCustomer(domainCustomer("acme.com", "boss@mail.acme.com"), null));

            assertThat(e.status()).isEqualTo(400);
            assertThat(e.reason()).isEqualTo("invalid");
        }
    }

    @Nested
    class CustomersGet {

        @Test
        void ourOwnCustomerComesWithItsAlternateEmail() {
            Customer mine = reseller.getCustomer("mine.com");

            assertThat(mine.isFullResource()).isTrue();
            assertThat(mine.alternateEmail()).isNotBlank();
        }

        @Test
        void somebodyElsesCustomerComesWithoutIt() {
            Customer foreign = reseller.getCustomer("foreign.com");

            assertThat(foreign.customerId()).isNotBlank();
            assertThat(foreign.customerDomain()).isEqualTo("foreign.com");
            assertThat(foreign.alternateEmail()).isNull();
            assertThat(foreign.isFullResource()).isFalse();
        }

        @Test
        void anUnknownDomainIs404() {
            GoogleApiException e = catchThrowableOfType(GoogleApiException.class,
                    () -> reseller.getCustomer("nobody.com"));

            assertThat(e.isNotFound()).isTrue();
            assertThat(e.reason()).isEqualTo("notFound");
        }
    }

    @Nested
    class Directory {

        private String customerId;

        @BeforeEach
        void customer() {
            customerId = reseller.insertCustomer(domainCustomer("dir.com", "it@example.com"), null).customerId();
        }

        @Test
        void setsASupportedLanguageAndRefusesAnUnknownOne() {
            directory.setCustomerLanguage(customerId, "pt-BR");

            GoogleApiException e = catchThrowableOfType(GoogleApiException.class,
                    () -> directory.setCustomerLanguage(customerId, "he"));
            assertThat(e.status()).isEqualTo(400);
            assertThat(sandbox.accounts().customer("dir.com").orElseThrow().language()).isEqualTo("pt-BR");
        }

        @Test
        void createsAUserPromotesItAndRefusesTheSameAddressTwice() {
            User created = directory.insertUser(NewUser.admin("admin@dir.com", "Ada", "Min", "Str0ng-Pass!"));
            directory.makeSuperAdmin("admin@dir.com");

            assertThat(created.id()).isNotBlank();
            assertThat(sandbox.accounts().user("admin@dir.com").orElseThrow().superAdmin()).isTrue();
            GoogleApiException duplicate = catchThrowableOfType(GoogleApiException.class,
                    () -> directory.insertUser(NewUser.admin("admin@dir.com", "Ada", "Min", "Str0ng-Pass!")));
            assertThat(duplicate.status()).isEqualTo(409);
            assertThat(duplicate.reason()).isEqualTo("duplicate");
        }

        @Test
        void acceptsNamesOf60CharactersAndRefuses61() {
            // given Google's limit on each part of the name: 60 (not the 40 our spec once gave)
            String sixty = "N".repeat(60);

            // when
            User created = directory.insertUser(NewUser.admin("admin@dir.com", sixty, sixty, "Str0ng-Pass!"));
            GoogleApiException tooLong = catchThrowableOfType(GoogleApiException.class,
                    () -> directory.insertUser(NewUser.admin("other@dir.com", "Ada", "N".repeat(61), "Str0ng-Pass!")));

            // then
            assertThat(created.name()).isEqualTo(new User.Name(sixty, sixty));
            assertThat(sandbox.accounts().user("admin@dir.com")).isPresent();
            assertThat(tooLong.status()).isEqualTo(400);
            assertThat(sandbox.accounts().user("other@dir.com")).isEmpty();
        }

        @Test
        void refusesAPasswordOutsideGooglesPolicyAndAnAddressOutsideTheDomain() {
            GoogleApiException shortPassword = catchThrowableOfType(GoogleApiException.class,
                    () -> directory.insertUser(NewUser.admin("admin@dir.com", "Ada", "Min", "short")));
            GoogleApiException otherDomain = catchThrowableOfType(GoogleApiException.class,
                    () -> directory.insertUser(NewUser.admin("admin@elsewhere.com", "Ada", "Min", "Str0ng-Pass!")));

            assertThat(shortPassword.status()).isEqualTo(400);
            assertThat(shortPassword.googleMessage()).isEqualTo("Invalid Password");
            assertThat(otherDomain.status()).isEqualTo(400);
        }

        @Test
        void makeAdminOfAnUnknownUserIs404() {
            GoogleApiException e = catchThrowableOfType(GoogleApiException.class,
                    () -> directory.makeSuperAdmin("ghost@dir.com"));

            assertThat(e.status()).isEqualTo(404);
        }
    }

    @Nested
    class Load {

        @Test
        void aQuotaIsEnforcedPerApiWith429AndRetryAfterInGooglesFormat() {
            sandbox.load().quota(io.onboarding.sandbox.SandboxLoad.Api.RESELLER, 2);

            reseller.getCustomer("mine.com");
            reseller.getCustomer("mine.com");
            GoogleApiException third = catchThrowableOfType(GoogleApiException.class,
                    () -> reseller.getCustomer("mine.com"));
            directory.insertUser(NewUser.admin("admin@mine.com", "Ada", "Min", "Str0ng-Pass!"));

            assertThat(third.status()).isEqualTo(429);
            assertThat(third.reason()).isEqualTo("rateLimitExceeded");
            assertThat(third.retryAfter()).contains(java.time.Duration.ofSeconds(1));
            assertThat(third.isTransient()).isTrue();
            assertThat(sandbox.requests()).extracting(RecordedRequest::status).containsExactly(200, 200, 429, 200);
        }

        @Test
        void transientFailuresAreNotAppliedAndAmbiguousOnesAre() {
            sandbox.load().failures(1.0, 0.0, 1);
            GoogleApiException rejected = catchThrowableOfType(GoogleApiException.class,
                    () -> reseller.insertCustomer(domainCustomer("never.com", "it@example.com"), null));
            sandbox.load().failures(0.0, 1.0, 1);
            GoogleApiException ambiguous = catchThrowableOfType(GoogleApiException.class,
                    () -> reseller.insertCustomer(domainCustomer("maybe.com", "it@example.com"), null));

            assertThat(rejected.status()).isEqualTo(503);
            assertThat(ambiguous.status()).isEqualTo(503);
            assertThat(sandbox.accounts().customer("never.com")).isEmpty();
            assertThat(sandbox.accounts().customer("maybe.com")).isPresent();
        }

        @Test
        void latencyIsAddedToEveryCall() {
            sandbox.load().latency(java.time.Duration.ofMillis(60), java.time.Duration.ofMillis(20));

            long start = System.nanoTime();
            reseller.getCustomer("mine.com");
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(millis).isGreaterThanOrEqualTo(60);
        }
    }

    @Nested
    class Faults {

        @Test
        void appliedThen503LooksLikeAFailureButTheCustomerExists() {
            sandbox.faults().failAfterApply("customers.insert", 1);

            GoogleApiException e = catchThrowableOfType(GoogleApiException.class,
                    () -> reseller.insertCustomer(domainCustomer("applied.com", "it@example.com"), null));

            assertThat(e.status()).isEqualTo(503);
            assertThat(reseller.getCustomer("applied.com").isFullResource()).isTrue();
            assertThat(sandbox.requests().get(0).applied()).isTrue();
        }

        @Test
        void appliedThenDroppedIsNoAnswerAtAll() {
            sandbox.faults().dropAfterApply("customers.insert", 1);

            GoogleApiException e = catchThrowableOfType(GoogleApiException.class,
                    () -> reseller.insertCustomer(domainCustomer("dropped.com", "it@example.com"), null));

            assertThat(e.status()).isZero();
            assertThat(sandbox.accounts().customer("dropped.com")).isPresent();
            assertThat(sandbox.requests().get(0).status()).isZero();
        }

        @Test
        void theNthRequestIsRejectedWithoutBeingApplied() {
            sandbox.faults().rejectNth(2);

            reseller.insertCustomer(domainCustomer("first.com", "it@example.com"), null);
            GoogleApiException e = catchThrowableOfType(GoogleApiException.class,
                    () -> reseller.insertCustomer(domainCustomer("second.com", "it@example.com"), null));

            assertThat(e.status()).isEqualTo(503);
            assertThat(e.reason()).isEqualTo("backendError");
            assertThat(sandbox.accounts().customer("second.com")).isEmpty();
            assertThat(sandbox.requests()).extracting(RecordedRequest::applied).containsExactly(true, false);
        }

        @Test
        void aHeldAnswerIsLoggedAsAppliedBeforeTheClientGetsIt() throws Exception {
            sandbox.faults().holdAfterApply("customers.insert", 1, java.time.Duration.ofMillis(300));

            Thread client = new Thread(() -> reseller.insertCustomer(domainCustomer("held.com", "it@example.com"), null));
            client.start();
            Thread.sleep(150);

            assertThat(sandbox.requests()).singleElement().satisfies(request -> assertThat(request.applied()).isTrue());
            assertThat(client.isAlive()).isTrue();
            client.join();
        }
    }

    @Test
    void theControlEndpointHandsOutNoPasswordOrToken() throws Exception {
        reseller.insertCustomer(domainCustomer("foreign.com", "it@example.com"), "cafe0123");
        directory.insertUser(NewUser.admin("admin@foreign.com", "Ada", "Min", "Str0ng-\"Pass!"));

        String log = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(sandbox.baseUrl() + "/_sandbox/requests")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();

        assertThat(log).contains("admin@foreign.com", "(redacted)").doesNotContain("Str0ng").doesNotContain("cafe0123");
    }

    @Test
    void aRequestWithoutCredentialsIs401() {
        RestClient anonymous = RestClient.builder().requestFactory(HTTP).baseUrl(sandbox.baseUrl()).build();
        ResellerClient client = new RestResellerClient(anonymous, new GoogleErrors(json, Clock.systemUTC()),
                new ApiThrottle("reseller", 0, new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));

        GoogleAuthException e = catchThrowableOfType(GoogleAuthException.class, () -> client.getCustomer("mine.com"));

        assertThat(e.getMessage()).contains("HTTP 401", "domain-wide delegation");
    }

    @Test
    void credentialsThatYieldNoTokenStopWithWhatToAuthorise() {
        com.google.auth.Credentials refusing = new GoogleCredentials() {
            @Override
            public AccessToken refreshAccessToken() throws java.io.IOException {
                throw new java.io.IOException("Error getting access token: unauthorized_client");
            }
        };
        RestClient rest = RestClient.builder().requestFactory(HTTP).baseUrl(sandbox.baseUrl())
                .requestInterceptor(new CredentialsInterceptor(refusing)).build();
        ResellerClient client = new RestResellerClient(rest, new GoogleErrors(json, Clock.systemUTC()),
                new ApiThrottle("reseller", 0, new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));

        GoogleAuthException e = catchThrowableOfType(GoogleAuthException.class, () -> client.getCustomer("mine.com"));

        assertThat(e.getMessage()).contains("unauthorized_client", "Domain-wide delegation", "apps.order");
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void noAnswerAtAllIsStatusZeroAndHidesTheUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ResellerClient client = new RestResellerClient(client("http://127.0.0.1:" + closedPort, "token"),
                new GoogleErrors(json, Clock.systemUTC()), new ApiThrottle("reseller", 0, new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));

        GoogleApiException e = catchThrowableOfType(GoogleApiException.class,
                () -> client.insertCustomer(domainCustomer("x.com", "it@example.com"), "secret-token-123"));

        assertThat(e.status()).isZero();
        assertThat(e.reason()).isEqualTo("networkError");
        assertThat(e.getMessage()).doesNotContain("secret-token-123");
    }

    @Test
    void aRetryAfterHeaderInSecondsOrAsADateIsRead() throws Exception {
        HttpServer busy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        busy.createContext("/", exchange -> {
            byte[] body = "{\"error\":{\"code\":429,\"message\":\"Quota\",\"errors\":[{\"reason\":\"rateLimitExceeded\"}]}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Retry-After", calls.incrementAndGet() == 1 ? "12"
                    : java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(30)));
            exchange.sendResponseHeaders(429, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        busy.start();
        try {
            ResellerClient client = new RestResellerClient(
                    client("http://127.0.0.1:" + busy.getAddress().getPort(), "token"), new GoogleErrors(json, Clock.systemUTC()),
                    new ApiThrottle("reseller", 0, new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));

            GoogleApiException seconds = catchThrowableOfType(GoogleApiException.class, () -> client.getCustomer("x.com"));
            GoogleApiException date = catchThrowableOfType(GoogleApiException.class, () -> client.getCustomer("x.com"));

            assertThat(seconds.reason()).isEqualTo("rateLimitExceeded");
            assertThat(seconds.retryAfter()).contains(java.time.Duration.ofSeconds(12));
            assertThat(date.retryAfter()).hasValueSatisfying(wait -> assertThat(wait)
                    .isBetween(java.time.Duration.ofSeconds(25), java.time.Duration.ofSeconds(31)));
        } finally {
            busy.stop(0);
        }
    }

    @Test
    void anErrorThatIsNotGoogleJsonKeepsTheStatus() throws Exception {
        HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", exchange -> {
            byte[] html = "<html>Bad Gateway</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(502, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        proxy.start();
        try {
            ResellerClient client = new RestResellerClient(
                    client("http://127.0.0.1:" + proxy.getAddress().getPort(), "token"), new GoogleErrors(json, Clock.systemUTC()),
                    new ApiThrottle("reseller", 0, new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));

            GoogleApiException e = catchThrowableOfType(GoogleApiException.class, () -> client.getCustomer("x.com"));

            assertThat(e.status()).isEqualTo(502);
            assertThat(e.reason()).isEqualTo("http502");
        } finally {
            proxy.stop(0);
        }
    }

    private RestClient client(String baseUrl, String token) {
        GoogleCredentials credentials = GoogleCredentials.create(new AccessToken(token, new Date(Long.MAX_VALUE)));
        return RestClient.builder()
                .requestFactory(HTTP)
                .baseUrl(baseUrl)
                .requestInterceptor(new CredentialsInterceptor(credentials))
                .build();
    }

    private static NewCustomer domainCustomer(String domain, String alternateEmail) {
        PostalAddress address = new PostalAddress(PostalAddress.KIND, "Con Tact", "Org", "1 Street", null, null,
                "Town", null, "12345", "US");
        return new NewCustomer(domain, "domain", alternateEmail, null, address, null);
    }
}
