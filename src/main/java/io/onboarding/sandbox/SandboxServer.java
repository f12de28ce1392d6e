package io.onboarding.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.onboarding.google.Customer;
import io.onboarding.google.GoogleErrorBody;
import io.onboarding.google.LanguagePatch;
import io.onboarding.google.MakeAdminRequest;
import io.onboarding.google.User;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An in-process stand-in for the Reseller and Directory APIs on a loopback port, so that the job and
 * its tests run with no Google account. It keeps a log of every request it received.
 */
public final class SandboxServer implements AutoCloseable {

    /** The access token the sandbox's token endpoint hands out and its APIs accept. */
    static final String ACCESS_TOKEN_PREFIX = "sandbox-token-";
    /** Path prefix of the test-control endpoints. */
    static final String CONTROL = "/_sandbox/";

    private static final Logger log = LoggerFactory.getLogger(SandboxServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final SandboxAccounts accounts;
    private final JsonMapper json;
    private final Clock clock;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final SandboxFaults faults = new SandboxFaults();

    static {
        // Without TCP_NODELAY the JDK server's small responses wait on delayed ACKs: ~40 ms per call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public SandboxServer(SandboxProperties properties, JsonMapper json, Clock clock) throws IOException {
        this.accounts = new SandboxAccounts(properties);
        this.json = json;
        this.clock = clock;
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

    /** Every request received since start or the last {@link #reset()}, in arrival order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Forgets the request log and the faults, and returns the accounts to their seed. */
    public void reset() {
        requests.clear();
        faults.clear();
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
        if (path.startsWith(CONTROL)) {
            control(exchange, method, path);
            return;
        }
        String query = exchange.getRequestURI().getRawQuery();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String call = SandboxRoutes.callName(method, path);
        SandboxFaults.Rule fault = call.equals("token") ? null : faults.next(call);
        sleep(faults.delay());
        if (fault != null && fault.kind() == SandboxFaults.Kind.REJECT_503) {
            answer(exchange, new RecordedRequest(Instant.now(clock), method, path, query, body, 503, false),
                    GoogleErrorBody.of(503, "backendError", "The service is currently unavailable."));
            return;
        }
        int status;
        Object answer;
        try {
            if (!path.equals(SandboxRoutes.TOKEN)) {
                checkAuthorization(exchange);
            }
            answer = route(method, path, query, body);
            status = 200;
        } catch (SandboxError e) {
            status = e.status();
            answer = GoogleErrorBody.of(e.status(), e.reason(), e.getMessage());
        } catch (JacksonException e) {
            status = 400;
            answer = GoogleErrorBody.of(400, "parseError", "This API does not support parsing form-encoded input.");
        } catch (RuntimeException e) {
            log.error("SANDBOX: internal error on {} {}", method, path, e);
            status = 500;
            answer = GoogleErrorBody.of(500, "backendError", "Backend Error");
        }
        boolean applied = status == 200;
        if (fault == null || !applied) {
            answer(exchange, new RecordedRequest(Instant.now(clock), method, path, query, body, status, applied), answer);
            return;
        }
        switch (fault.kind()) {
            case RESPOND_503_AFTER_APPLY -> answer(exchange,
                    new RecordedRequest(Instant.now(clock), method, path, query, body, 503, true),
                    GoogleErrorBody.of(503, "backendError", "The service is currently unavailable."));
            case DROP_AFTER_APPLY -> {
                requests.add(new RecordedRequest(Instant.now(clock), method, path, query, body, 0, true));
                // Closing before any header is sent closes the connection: the client cannot know the outcome.
                exchange.close();
            }
            case HOLD_AFTER_APPLY -> {
                RecordedRequest recorded = new RecordedRequest(Instant.now(clock), method, path, query, body, status,
                        true);
                // Logged before the wait, so a test can see it was applied while the client still waits.
                requests.add(recorded);
                sleep(fault.hold());
                respond(exchange, status, answer);
            }
            default -> answer(exchange, new RecordedRequest(Instant.now(clock), method, path, query, body, status,
                    applied), answer);
        }
    }

    /**
     * Lets a test in another process steer and read the sandbox: {@code GET requests}, {@code GET users},
     * {@code POST faults} (a {@link SandboxFaults.Rule} as JSON), {@code POST faults/clear},
     * {@code POST delay?millis=N}. Not recorded, and never subject to faults.
     */
    private void control(HttpExchange exchange, String method, String path) throws IOException {
        String action = method + " " + path.substring(CONTROL.length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        switch (action) {
            case "GET requests" -> respond(exchange, 200, requests());
            case "GET users" -> respond(exchange, 200, accounts.users());
            case "POST faults" -> {
                faults.add(json.readValue(body, SandboxFaults.Rule.class));
                respond(exchange, 200, null);
            }
            case "POST faults/clear" -> {
                faults.clear();
                respond(exchange, 200, null);
            }
            case "POST delay" -> {
                faults.delay(java.time.Duration.ofMillis(Long.parseLong(
                        queryParameter(exchange.getRequestURI().getRawQuery(), "millis"))));
                respond(exchange, 200, null);
            }
            default -> respond(exchange, 404, GoogleErrorBody.of(404, "notFound", "No sandbox control " + action));
        }
    }

    private void answer(HttpExchange exchange, RecordedRequest recorded, Object answer) throws IOException {
        requests.add(recorded);
        respond(exchange, recorded.status(), answer);
    }

    private static void sleep(java.time.Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Object route(String method, String path, String query, String body) {
        String customer = SandboxRoutes.variable(SandboxRoutes.CUSTOMER, path);
        String directoryCustomer = SandboxRoutes.variable(SandboxRoutes.DIRECTORY_CUSTOMER, path);
        String adminUser = SandboxRoutes.variable(SandboxRoutes.MAKE_ADMIN, path);
        if (method.equals("POST") && SandboxRoutes.CUSTOMERS.matcher(path).matches()) {
            return accounts.insertCustomer(json.readValue(body, Customer.class), queryParameter(query, "customerAuthToken"));
        }
        if (method.equals("GET") && customer != null) {
            return accounts.getCustomer(decode(customer));
        }
        if (method.equals("PATCH") && directoryCustomer != null) {
            accounts.setLanguage(decode(directoryCustomer), json.readValue(body, LanguagePatch.class).language());
            return Map.of("kind", "admin#directory#customer", "id", decode(directoryCustomer));
        }
        if (method.equals("POST") && SandboxRoutes.USERS.matcher(path).matches()) {
            return accounts.insertUser(json.readValue(body, User.class));
        }
        if (method.equals("POST") && adminUser != null) {
            accounts.makeAdmin(decode(adminUser), json.readValue(body, MakeAdminRequest.class).status());
            return null;
        }
        if (method.equals("POST") && path.equals(SandboxRoutes.TOKEN)) {
            return Map.of("access_token", ACCESS_TOKEN_PREFIX + requests.size(), "expires_in", 3600,
                    "token_type", "Bearer");
        }
        throw SandboxError.notFound("Not Found: " + method + " " + path);
    }

    private static void checkAuthorization(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= 7) {
            throw new SandboxError(401, "authError", "Request is missing required authentication credential.");
        }
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

    private static String queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && decode(pair.substring(0, equals)).equals(name)) {
                return decode(pair.substring(equals + 1));
            }
        }
        return null;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
