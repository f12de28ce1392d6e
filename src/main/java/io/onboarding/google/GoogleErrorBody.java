package io.onboarding.google;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Google's JSON error envelope: {@code {"error": {"code", "message", "errors": [{"domain", "reason",
 * "message"}]}}}. Used to read errors in the client and to write them in the sandbox.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GoogleErrorBody(Error error) {

    public static GoogleErrorBody of(int code, String reason, String message) {
        return new GoogleErrorBody(new Error(code, message, List.of(new Detail("global", reason, message))));
    }

    /** The first reason Google gives, or {@code unknown}. */
    public String reason() {
        if (error == null || error.errors() == null || error.errors().isEmpty()
                || error.errors().get(0).reason() == null) {
            return "unknown";
        }
        return error.errors().get(0).reason();
    }

    public String message() {
        return error == null ? null : error.message();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Error(int code, String message, List<Detail> errors) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Detail(String domain, String reason, String message) {
    }
}
