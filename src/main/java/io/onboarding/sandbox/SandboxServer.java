package io.onboarding.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.onboarding.google.GoogleErrorBody;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An in-process stand-in for the Reseller and Directory APIs on a loopback port, so that the job and
 * its tests run with no Google account. It keeps a log of every request it received, and applies the
 * faults a test switched on.
 */
public final class SandboxServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SandboxServer.class);
    private static final GoogleErrorBody UNAVAILABLE =
            GoogleErrorBody.of(503, "backendError", "The service is currently unavailable.");
    private static final GoogleErrorBody QUOTA_EXCEEDED = GoogleErrorBody.of(429, "rateLimitExceeded",
            "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user'.");

    private final HttpServer server;
    private final ExecutorService executor;
    private final SandboxAccounts accounts;
    private final SandboxApi api;
    private final SandboxControl control;
    private final JsonMapper json;
    private final Clock clock;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final SandboxFaults faults = new SandboxFaults();
    private final SandboxTokens tokens;
    private final SandboxLoad load = new SandboxLoad();

    static {
        // Without TCP_NODELAY the JDK server's small responses wait on delayed ACKs: ~40 ms per call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public SandboxServer(SandboxProperties properties, JsonMapper json, Clock clock) throws IOException {
        this.accounts = new SandboxAccounts(properties);
        this.api = new SandboxApi(accounts, json);
        this.control = new SandboxControl(this, json);
        this.json = json;
        this.clock = clock;
        this.tokens = new SandboxTokens(clock);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), properties.port()), 0);
        this.executor = Executors.newFixedThreadPool(32, runnable -> {
            Thread thread = new Thread(runnable, "google-sandbox");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        log.warn("SANDBOX: the embedded Google API sandbox is listening on {} — nothing is ordered at Google",
                baseUrl());
    }

    /** {@code http://127.0.0.1:PORT}: the base URL of both APIs and of the token endpoint ({@code /token}). */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    public String tokenUri() {
        return baseUrl() + SandboxRoutes.TOKEN;
    }

    public SandboxAccounts accounts() {
        return accounts;
    }

    /** The faults tests can switch on. */
    public SandboxFaults faults() {
        return faults;
    }

    /** The token endpoint: the assertions it received, the tokens it issued, refusals and revocations. */
    public SandboxTokens tokens() {
        return tokens;
    }

    /** Latency, quotas and random failures, for realistic runs and benchmarks. */
    public SandboxLoad load() {
        return load;
    }

    /** Every request received since start or the last {@link #reset()}, in arrival order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Forgets the request log, the faults, the load and the tokens, and returns the accounts to their seed. */
    public void reset() {
        requests.clear();
        faults.clear();
        load.clear();
        tokens.reset();
        accounts.reset();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (path.startsWith(SandboxControl.PREFIX)) {
            Answer answer = answer(() -> control.handle(method, path, query, body));
            respond(exchange, answer.status(), answer.body());
            return;
        }
        String call = SandboxRoutes.callName(method, path);
        SandboxFaults.Rule fault = call.equals("token") ? null : faults.next(call);
        sleep(faults.delay().plus(load.nextLatency()));
        if (call.equals("token")) {
            SandboxTokens.Grant grant = tokens.grant(method, body);
            record(method, path, query, body, grant.status(), grant.status() == 200, null);
            respond(exchange, grant.status(), grant.body());
            return;
        }
        String authorisedBy;
        try {
            // Google checks the token before anything else: a refused call is neither applied nor counted.
            authorisedBy = tokens.authorise(exchange.getRequestHeaders().getFirst("Authorization"));
        } catch (SandboxError e) {
            record(method, path, query, body, e.status(), false, null);
            respond(exchange, e.status(), e.body());
            return;
        }
        SandboxLoad.Verdict verdict = load.judge(path);
        if (verdict == SandboxLoad.Verdict.QUOTA_EXCEEDED) {
            record(method, path, query, body, 429, false, authorisedBy);
            exchange.getResponseHeaders().set("Retry-After", Long.toString(load.retryAfterSeconds(path)));
            respond(exchange, 429, QUOTA_EXCEEDED);
            return;
        }
        if (verdict == SandboxLoad.Verdict.TRANSIENT
                || (fault != null && fault.kind() == SandboxFaults.Kind.REJECT_503)) {
            record(method, path, query, body, 503, false, authorisedBy);
            respond(exchange, 503, UNAVAILABLE);
            return;
        }
        Answer answer = answer(() -> api.call(method, path, query, body));
        boolean applied = answer.status() == 200;
        SandboxFaults.Kind kind = fault != null && applied ? fault.kind()
                : verdict == SandboxLoad.Verdict.AMBIGUOUS && applied ? SandboxFaults.Kind.RESPOND_503_AFTER_APPLY
                : null;
        if (kind == SandboxFaults.Kind.DROP_AFTER_APPLY) {
            record(method, path, query, body, 0, true, authorisedBy);
            // Closing before any header is sent closes the connection: the client cannot know the outcome.
            exchange.close();
        } else if (kind == SandboxFaults.Kind.RESPOND_503_AFTER_APPLY) {
            record(method, path, query, body, 503, true, authorisedBy);
            respond(exchange, 503, UNAVAILABLE);
        } else {
            // Recorded before any hold, so a test sees the call applied while the client still waits.
            record(method, path, query, body, answer.status(), applied, authorisedBy);
            if (kind == SandboxFaults.Kind.HOLD_AFTER_APPLY) {
                sleep(fault.hold());
            }
            respond(exchange, answer.status(), answer.body());
        }
    }

    private record Answer(int status, Object body) {
    }

    private interface Call {
        Object run();
    }

    /** Runs a call and turns what it throws into Google's error format. */
    private static Answer answer(Call call) {
        try {
            return new Answer(200, call.run());
        } catch (SandboxError e) {
            return new Answer(e.status(), e.body());
        } catch (JacksonException e) {
            return new Answer(400, GoogleErrorBody.of(400, "parseError", "The request body is not valid JSON."));
        } catch (RuntimeException e) {
            log.error("SANDBOX: internal error", e);
            return new Answer(500, GoogleErrorBody.of(500, "backendError", "Backend Error"));
        }
    }

    private void record(String method, String path, String query, String body, int status, boolean applied,
            String authorisedBy) {
        requests.add(new RecordedRequest(Instant.now(clock), method, path, query, body, status, applied, authorisedBy));
    }

    private void respond(HttpExchange exchange, int status, Object answer) throws IOException {
        byte[] bytes = answer == null ? new byte[0] : json.writeValueAsBytes(answer);
        if (answer != null) {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
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
