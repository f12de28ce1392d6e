package io.onboarding.google;

import com.google.api.client.http.HttpResponseException;
import com.google.auth.Credentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what to change when Google issues no access token. Its own answer ({@code unauthorized_client})
 * names neither the Admin console page, nor the client id, nor the scopes to authorise there.
 */
final class TokenFailure {

    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"([A-Za-z_]+)\"");
    private static final Pattern DESCRIPTION = Pattern.compile("\"error_description\"\\s*:\\s*\"([^\"]*)\"");
    private static final String DELEGATION_PAGE = "Security > API controls > Domain-wide delegation";

    private TokenFailure() {
    }

    /**
     * @param failure what the credentials threw; google-auth quotes the token endpoint's JSON answer in it,
     *     which carries no secret (the request's assertion is not quoted)
     */
    static GoogleAuthException explain(Exception failure, Credentials credentials) {
        HttpResponseException http = tokenEndpointAnswer(failure);
        String text = http != null && http.getContent() != null ? http.getContent()
                : String.valueOf(failure.getMessage());
        String error = firstGroup(ERROR, text);
        if (error == null) {
            error = text.contains("unauthorized_client") ? "unauthorized_client"
                    : text.contains("invalid_grant") ? "invalid_grant" : null;
        }
        String description = firstGroup(DESCRIPTION, text);
        String answer = error != null ? error + (description == null ? "" : ": " + description)
                : http != null ? "HTTP " + http.getStatusCode() + " from the token endpoint"
                : failure.getClass().getSimpleName() + ": " + firstLine(text);
        if (error == null && http != null && http.getStatusCode() == 401) {
            // Java's HttpURLConnection drops the body of a 401 to a streamed POST, so Google's error code is lost;
            // its token endpoint answers 401 for unauthorized_client (delegation missing or lacking a scope).
            error = "unauthorized_client";
            answer += ", i.e. unauthorized_client";
        }
        ServiceAccountCredentials account = credentials instanceof ServiceAccountCredentials sa ? sa : null;
        String clientId = account != null && account.getClientId() != null ? "client ID " + account.getClientId()
                : "the service account's client ID";
        String scopes = account != null && !account.getScopes().isEmpty() ? String.join(",", account.getScopes())
                : "apps.order, admin.directory.customer and admin.directory.user";
        String delegation = "In the reseller's Admin console (" + DELEGATION_PAGE + "), " + clientId
                + " must be authorised for exactly these OAuth scopes: " + scopes + ".";
        String admin = account != null && account.getServiceAccountUser() != null ? account.getServiceAccountUser()
                : "the reseller admin";
        String advice = switch (error == null ? "" : error) {
            case "unauthorized_client" -> delegation;
            case "invalid_grant" -> "Check that " + admin + " (onboarding.google.delegated-admin) is an existing "
                    + "admin of the reseller domain, that the key in the key file has not been deleted or disabled, "
                    + "and that this computer's clock is right. " + delegation;
            default -> "Check that the token endpoint can be reached from here. " + delegation;
        };
        return new GoogleAuthException("Google issued no access token (" + answer + "). " + advice
                + " Then run the same command again to resume.");
    }

    /** The token endpoint's error answer, when there was one (not for a network failure). */
    private static HttpResponseException tokenEndpointAnswer(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpResponseException http) {
                return http;
            }
        }
        return null;
    }

    private static String firstGroup(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
