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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the Reseller and Directory APIs and Google's token endpoint on a loopback port, so that the job
 * runs with no Google account: Google's rules (docs/sandbox.md), the accounts in a {@link SandboxStore}, the token
 * check. It keeps no log of requests; a test's {@link SandboxInterceptor} may.
 */
public final class SandboxServer implements AutoCloseable {

    /** Requests handled at once. */
    static final int THREADS = 32;

    private static final Logger log = LoggerFactory.getLogger(SandboxServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final SandboxStore store;
    private final SandboxAccounts accounts;
    private final SandboxApi api;
    private final SandboxTokens tokens;
    private final SandboxInterceptor interceptor;
    private final JsonMapper json;

    static {
        // Without TCP_NODELAY the JDK server's small responses wait on delayed ACKs: ~40 ms per call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** Listens at once; closing it closes the store too. */
    SandboxServer(SandboxProperties properties, SandboxStore store, JsonMapper json, Clock clock,
            SandboxInterceptor interceptor) throws IOException {
        this.store = store;
        this.accounts = new SandboxAccounts(store, properties);
        this.api = new SandboxApi(accounts, json);
        this.tokens = new SandboxTokens(clock);
        this.interceptor = interceptor;
        this.json = json;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), properties.port()), 0);
        this.executor = Executors.newFixedThreadPool(THREADS, runnable -> {
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

    /** The token endpoint's issued tokens. */
    public SandboxTokens tokens() {
        return tokens;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        store.close();
    }

    /** Google's whole answer: the token endpoint's, or the token check's and then the call's. */
    SandboxAnswer answer(SandboxRequest request) {
        if (request.path().equals(SandboxRoutes.TOKEN)) {
            return token(request);
        }
        String authorisedBy;
        try {
            // Google checks the token before anything else: a refused call is not applied.
            authorisedBy = authorise(request);
        } catch (SandboxError e) {
            return new SandboxAnswer(e.status(), e.body(), false, null);
        }
        return apply(request, authorisedBy);
    }

    SandboxAnswer token(SandboxRequest request) {
        SandboxTokens.Grant grant = tokens.grant(request.method(), request.body());
        return new SandboxAnswer(grant.status(), grant.body(), grant.status() == 200, null);
    }

    /** The fingerprint of the issued token the request carries, or null while any is accepted; a 401 if refused. */
    String authorise(SandboxRequest request) {
        return tokens.authorise(request.authorization());
    }

    /** Carries an authorised API call out; what it throws becomes Google's error format. */
    SandboxAnswer apply(SandboxRequest request, String authorisedBy) {
        try {
            return new SandboxAnswer(200, api.call(request.method(), request.path(), request.query(), request.body()),
                    true, authorisedBy);
        } catch (SandboxError e) {
            return new SandboxAnswer(e.status(), e.body(), false, authorisedBy);
        } catch (JacksonException e) {
            return new SandboxAnswer(400, GoogleErrorBody.of(400, "parseError", "The request body is not valid JSON."),
                    false, authorisedBy);
        } catch (RuntimeException e) {
            log.error("SANDBOX: internal error", e);
            return new SandboxAnswer(500, GoogleErrorBody.of(500, "backendError", "Backend Error"), false,
                    authorisedBy);
        }
    }

    /** Back to the configured seed, with no token issued. */
    void reset() {
        tokens.reset();
        accounts.reset();
    }

    private void handle(HttpExchange exchange) throws IOException {
        SandboxRequest request = new SandboxRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                exchange.getRequestHeaders().getFirst("Authorization"));
        SandboxAnswer answer = interceptor.intercept(request, this);
        if (answer.status() == SandboxAnswer.CUT) {
            // Closing before any header is sent closes the connection: the client cannot know the outcome.
            exchange.close();
            return;
        }
        byte[] bytes = answer.body() == null ? new byte[0] : json.writeValueAsBytes(answer.body());
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        if (answer.body() != null) {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
