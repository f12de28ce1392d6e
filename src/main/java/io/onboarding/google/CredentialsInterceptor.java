package io.onboarding.google;

import com.google.auth.Credentials;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Adds the OAuth bearer token to each request. The credentials cache the token and refresh it before
 * it expires, so this costs a token request only once an hour. A token Google refuses before then
 * (revoked, or the key rotated) is replaced once and the request sent once more.
 */
final class CredentialsInterceptor implements ClientHttpRequestInterceptor {

    private final Credentials credentials;

    CredentialsInterceptor(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        String sent = authorise(request);
        ClientHttpResponse response = execution.execute(request, body);
        if (response.getStatusCode().value() != HttpStatus.UNAUTHORIZED.value()) {
            return response;
        }
        // Google checks the token before anything else, so a 401 was not applied: sending it again is safe.
        try {
            refreshUnlessDone(sent, request.getURI());
        } catch (IllegalStateException cannotRefresh) {
            // A fixed token (the sandbox mode's) cannot be renewed: the 401 stands.
            return response;
        }
        response.close();
        authorise(request);
        // A second 401 is returned as it is: GoogleErrors makes it a GoogleAuthException, which stops the run.
        return execution.execute(request, body);
    }

    /** Puts the current token on the request; returns the Authorization header it sent. */
    private String authorise(HttpRequest request) throws IOException {
        Map<String, List<String>> metadata = metadata(request.getURI());
        metadata.forEach((name, values) -> request.getHeaders().put(name, values));
        return request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    }

    /**
     * Fetches a new token, unless another worker already replaced the refused one: several workers
     * refused at once then cost one token request, not one each. Locked on the credentials because the
     * Reseller and Directory clients share them, each with an interceptor of its own.
     */
    private void refreshUnlessDone(String refused, URI uri) throws IOException {
        synchronized (credentials) {
            List<String> current = metadata(uri).get(HttpHeaders.AUTHORIZATION);
            if (current == null || current.isEmpty() || Objects.equals(current.get(0), refused)) {
                try {
                    credentials.refresh();
                } catch (IOException e) {
                    throw new IOException(TokenFailure.explain(e, credentials));
                }
            }
        }
    }

    private Map<String, List<String>> metadata(URI uri) throws IOException {
        try {
            return credentials.getRequestMetadata(uri);
        } catch (IOException e) {
            // unauthorized_client, invalid_grant, an unreachable token endpoint: a configuration problem. Wrapped
            // in an IOException because that is what an interceptor may throw; GoogleErrors unwraps it.
            throw new IOException(TokenFailure.explain(e, credentials));
        }
    }
}
