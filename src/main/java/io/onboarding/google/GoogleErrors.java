package io.onboarding.google;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Turns every failed Google call — an error answer or no answer — into a {@link GoogleApiException}. */
final class GoogleErrors {

    private final JsonMapper json;
    private final Clock clock;

    GoogleErrors(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /**
     * Runs one call in the API's rate limit; a transport failure becomes a status-0 exception, and a 429
     * slows the API down for every worker.
     */
    <T> T call(String call, ApiThrottle throttle, Supplier<T> request) {
        throttle.acquire();
        try {
            T answer = request.get();
            throttle.succeeded();
            return answer;
        } catch (GoogleApiException e) {
            if (e.status() == 429 || (e.status() == 403 && e.isTransient())) {
                throttle.slowDown();
            }
            throw e;
        } catch (ResourceAccessException e) {
            if (e.getMostSpecificCause() instanceof GoogleAuthException auth) {
                throw auth;
            }
            // Spring's message repeats the URL, which may carry a customerAuthToken: keep neither it nor the
            // exception, only what went wrong.
            Throwable cause = e.getMostSpecificCause();
            throw new GoogleApiException(call, 0, "networkError",
                    cause.getClass().getSimpleName() + ": " + cause.getMessage(), null);
        }
    }

    /** A status handler that reads Google's error body into the exception. */
    RestClient.ResponseSpec.ErrorHandler handlerFor(String call) {
        return (request, response) -> {
            throw toException(call, response);
        };
    }

    static boolean isError(HttpStatusCode status) {
        return status.isError();
    }

    private RuntimeException toException(String call, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        byte[] body;
        try (InputStream in = response.getBody()) {
            body = in.readAllBytes();
        }
        try {
            GoogleErrorBody error = json.readValue(body, GoogleErrorBody.class);
            if (status == 401) {
                return new GoogleAuthException("Google refused our credentials on " + call + " (HTTP 401"
                        + (error.error() == null ? "" : ": " + error.message()) + "). Check the service account's "
                        + "key and its domain-wide delegation for the reseller admin.");
            }
            if (error.error() != null) {
                return new GoogleApiException(call, status, error.reason(), error.message(), null)
                        .retryingAfter(retryAfter(response));
            }
        } catch (JacksonException notJson) {
            // Fall through: proxies and load balancers answer with HTML.
        }
        if (status == 401) {
            return new GoogleAuthException("Google refused our credentials on " + call + " (HTTP 401). Check the "
                    + "service account's key and its domain-wide delegation for the reseller admin.");
        }
        return new GoogleApiException(call, status, "http" + status,
                response.getStatusText().isBlank() ? "HTTP " + status : response.getStatusText(), null)
                .retryingAfter(retryAfter(response));
    }

    /** Google does not document Retry-After; when a server sends one (seconds or a date), it is honoured. */
    Duration retryAfter(ClientHttpResponse response) {
        String value = response.getHeaders().getFirst("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException neither) {
                return null;
            }
        }
    }
}
