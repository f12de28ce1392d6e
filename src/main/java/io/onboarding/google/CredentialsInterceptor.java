package io.onboarding.google;

import com.google.auth.Credentials;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Adds the OAuth bearer token to each request. The credentials cache the token and refresh it before
 * it expires, so this costs a token request only once an hour.
 */
final class CredentialsInterceptor implements ClientHttpRequestInterceptor {

    private final Credentials credentials;

    CredentialsInterceptor(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        Map<String, List<String>> metadata = credentials.getRequestMetadata(request.getURI());
        metadata.forEach((name, values) -> request.getHeaders().put(name, values));
        return execution.execute(request, body);
    }
}
