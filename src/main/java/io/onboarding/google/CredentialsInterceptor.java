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
        Map<String, List<String>> metadata;
        try {
            metadata = credentials.getRequestMetadata(request.getURI());
        } catch (IOException e) {
            // unauthorized_client, invalid_grant, an unreachable token endpoint: a configuration problem.
            throw new IOException(new GoogleAuthException("Could not get an access token from Google: "
                    + e.getMessage() + ". Check that the service account's client id is authorised in the reseller's "
                    + "Admin console (Security > API controls > Domain-wide delegation) for the scopes "
                    + "apps.order, admin.directory.customer and admin.directory.user."));
        }
        metadata.forEach((name, values) -> request.getHeaders().put(name, values));
        return execution.execute(request, body);
    }
}
