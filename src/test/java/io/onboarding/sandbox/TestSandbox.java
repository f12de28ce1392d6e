package io.onboarding.sandbox;

import io.onboarding.google.GoogleErrorBody;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox as tests use it: the application's {@link SandboxServer} with faults, load, a log of every request
 * (bodies and passwords included: tests only) and the control endpoints ({@code /_sandbox/...}) around it. Either
 * started here ({@link #start}, its accounts in memory) or put into an application's context by
 * {@link TestSandboxConfiguration}.
 */
public final class TestSandbox implements SandboxInterceptor, AutoCloseable {

    private static final GoogleErrorBody UNAVAILABLE =
            GoogleErrorBody.of(503, "backendError", "The service is currently unavailable.");
    private static final GoogleErrorBody QUOTA_EXCEEDED = GoogleErrorBody.of(429, "rateLimitExceeded",
            "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user'.");
    private static final GoogleErrorBody FORBIDDEN =
            GoogleErrorBody.of(403, "forbidden", "Not Authorized to access this resource/api");

    private final Supplier<SandboxServer> server;
    private final Clock clock;
    private final JsonMapper json;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final SandboxFaults faults = new SandboxFaults();
    private final SandboxLoad load = new SandboxLoad();
    private final TestTokens tokens;
    private final SandboxControl control;
    private SandboxServer started;

    TestSandbox(Supplier<SandboxServer> server, JsonMapper json, Clock clock) {
        this.server = server;
        this.clock = clock;
        this.json = json;
        this.tokens = new TestTokens(server);
        this.control = new SandboxControl(this, json);
    }

    /** A sandbox of its own on a free loopback port, its accounts in memory. */
    public static TestSandbox start(SandboxProperties properties, JsonMapper json, Clock clock) throws IOException {
        SandboxServer[] server = new SandboxServer[1];
        TestSandbox sandbox = new TestSandbox(() -> server[0], json, clock);
        server[0] = new SandboxServer(properties, SandboxStore.inMemory(json), json, clock, sandbox);
        sandbox.started = server[0];
        return sandbox;
    }

    /** The sandbox's properties with these seed domains, on a free port. */
    public static SandboxProperties seeded(List<String> foreignDomains, List<String> ownDomains) {
        return new SandboxProperties(0, foreignDomains, ownDomains, null, null);
    }

    public String baseUrl() {
        return server.get().baseUrl();
    }

    public String tokenUri() {
        return server.get().tokenUri();
    }

    public SandboxAccounts accounts() {
        return server.get().accounts();
    }

    /** The faults tests can switch on. */
    public SandboxFaults faults() {
        return faults;
    }

    /** Latency, quotas and random failures, for realistic runs and benchmarks. */
    public SandboxLoad load() {
        return load;
    }

    /** The token endpoint: the assertions it received, the tokens it issued, refusals and revocations. */
    public TestTokens tokens() {
        return tokens;
    }

    /** Every request received since start or the last {@link #reset()}, in arrival order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * The user's current password: the last one a users.insert or users.update carried out for it (the sandbox
     * itself keeps none, as Google shows none).
     */
    public Optional<String> password(String email) {
        String key = email.toLowerCase(Locale.ROOT);
        String password = null;
        for (RecordedRequest request : requests) {
            String user = request.call().equals("users.insert") ? field(request.body(), "primaryEmail")
                    : request.call().equals("users.update") ? SandboxRoutes.variable(SandboxRoutes.USER, request.path())
                    : null;
            boolean forUser = user != null && key.equals(user.toLowerCase(Locale.ROOT));
            String sent = forUser && request.applied() ? field(request.body(), "password") : null;
            password = sent != null ? sent : password;
        }
        return Optional.ofNullable(password);
    }

    /** Forgets the request log, the faults, the load and the tokens, and returns the accounts to their seed. */
    public void reset() {
        requests.clear();
        faults.clear();
        load.clear();
        tokens.reset();
        server.get().reset();
    }

    /** Stops a sandbox {@link #start started} here; one of an application's context stops with it. */
    @Override
    public void close() {
        if (started != null) {
            started.close();
        }
    }

    @Override
    public SandboxAnswer intercept(SandboxRequest request, SandboxServer sandbox) {
        if (request.path().startsWith(SandboxControl.PREFIX)) {
            return control(request);
        }
        String call = request.call();
        SandboxFaults.Rule fault = call.equals("token") ? null : faults.next(request);
        sleep(faults.delay().plus(load.nextLatency()));
        if (call.equals("token")) {
            return record(request, tokens.grant(request, sandbox));
        }
        String authorisedBy;
        try {
            // Google checks the token before anything else: a refused call is neither applied nor counted.
            authorisedBy = sandbox.authorise(request);
        } catch (SandboxError e) {
            return record(request, new SandboxAnswer(e.status(), e.body(), false, null));
        }
        SandboxLoad.Verdict verdict = load.judge(request.path());
        if (verdict == SandboxLoad.Verdict.QUOTA_EXCEEDED) {
            return record(request, new SandboxAnswer(429, QUOTA_EXCEEDED, false, authorisedBy,
                    Map.of("Retry-After", Long.toString(load.retryAfterSeconds(request.path())))));
        }
        if (verdict == SandboxLoad.Verdict.TRANSIENT
                || (fault != null && fault.kind() == SandboxFaults.Kind.REJECT_503)) {
            return record(request, new SandboxAnswer(503, UNAVAILABLE, false, authorisedBy));
        }
        if (fault != null && fault.kind() == SandboxFaults.Kind.REFUSE_403) {
            return record(request, new SandboxAnswer(403, FORBIDDEN, false, authorisedBy));
        }
        SandboxAnswer answer = sandbox.apply(request, authorisedBy);
        boolean applied = answer.applied();
        SandboxFaults.Kind kind = fault != null && applied ? fault.kind()
                : verdict == SandboxLoad.Verdict.AMBIGUOUS && applied ? SandboxFaults.Kind.RESPOND_503_AFTER_APPLY
                : null;
        if (kind == SandboxFaults.Kind.DROP_AFTER_APPLY) {
            return record(request, new SandboxAnswer(SandboxAnswer.CUT, null, true, authorisedBy));
        }
        if (kind == SandboxFaults.Kind.RESPOND_503_AFTER_APPLY) {
            return record(request, new SandboxAnswer(503, UNAVAILABLE, true, authorisedBy));
        }
        // Recorded before any hold, so a test sees the call applied while the client still waits.
        record(request, answer);
        if (kind == SandboxFaults.Kind.HOLD_AFTER_APPLY) {
            sleep(fault.hold());
        }
        return answer;
    }

    /** Control requests are not recorded and never subject to faults. */
    private SandboxAnswer control(SandboxRequest request) {
        try {
            return new SandboxAnswer(200, control.handle(request.method(), request.path(), request.query(),
                    request.body()), false, null);
        } catch (SandboxError e) {
            return new SandboxAnswer(e.status(), e.body(), false, null);
        } catch (JacksonException e) {
            return new SandboxAnswer(400, GoogleErrorBody.of(400, "parseError", "The request body is not valid JSON."),
                    false, null);
        }
    }

    private SandboxAnswer record(SandboxRequest request, SandboxAnswer answer) {
        requests.add(new RecordedRequest(Instant.now(clock), request.method(), request.path(), request.query(),
                request.body(), answer.status(), answer.applied(), answer.authorisedBy()));
        return answer;
    }

    /** A top-level text field of a JSON body, or null. */
    private String field(String body, String name) {
        JsonNode value = body == null || body.isBlank() ? null : json.readTree(body).get(name);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
