package io.onboarding.google;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Google's JSON error envelope: {@code {"error": {"code", "message", "errors": [{"message", "domain",
 * "reason"}], "status"}}}. Used to read errors in the client and to write them in the sandbox.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GoogleErrorBody(Error error) {

    public static GoogleErrorBody of(int code, String reason, String message) {
        return new GoogleErrorBody(new Error(code, message, List.of(new Detail("global", reason, message)), null));
    }

    /**
     * How Google's API front end refuses a body it cannot map onto the method's schema (an unknown field, for
     * one), before any API sees it: no domain, and the canonical status.
     */
    public static GoogleErrorBody invalidArgument(String message) {
        return new GoogleErrorBody(new Error(400, message, List.of(new Detail(null, "invalid", message)),
                "INVALID_ARGUMENT"));
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

    /** @param status the canonical code ({@code INVALID_ARGUMENT}) where Google gives one */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Error(int code, String message, List<Detail> errors, String status) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"message", "domain", "reason"})
    public record Detail(String domain, String reason, String message) {
    }
}
