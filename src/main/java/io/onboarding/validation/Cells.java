package io.onboarding.validation;

import io.onboarding.csv.CustomerRow;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One row's cells by column name, trimmed, with the checks every cell shares: no control characters,
 * required, maximum length. Each problem is added to the row's error list once.
 */
final class Cells {

    private static final Set<String> SECRETS = Set.of("adminPassword", "customerAuthToken");

    private final Map<String, String> raw;
    private final List<FieldError> errors;

    Cells(CustomerRow row, List<FieldError> errors) {
        this.errors = errors;
        this.raw = new java.util.HashMap<>();
        put("customerDomain", row.customerDomain());
        put("customerType", row.customerType());
        put("organizationName", row.organizationName());
        put("contactName", row.contactName());
        put("addressLine1", row.addressLine1());
        put("addressLine2", row.addressLine2());
        put("addressLine3", row.addressLine3());
        put("locality", row.locality());
        put("region", row.region());
        put("postalCode", row.postalCode());
        put("countryCode", row.countryCode());
        put("phoneNumber", row.phoneNumber());
        put("alternateEmail", row.alternateEmail());
        put("primaryAdminEmail", row.primaryAdminEmail());
        put("language", row.language());
        put("adminGivenName", row.adminGivenName());
        put("adminFamilyName", row.adminFamilyName());
        put("adminUsername", row.adminUsername());
        put("adminPassword", row.adminPassword());
        put("customerAuthToken", row.customerAuthToken());
        put("externalId", row.externalId());
        // Secrets are judged by their own rules (password policy, hexadecimal token), which exclude these.
        raw.forEach((field, value) -> {
            if (!SECRETS.contains(field)) {
                checkControlCharacters(field, value);
            }
        });
    }

    /** The cell as written, or null when the column is absent. */
    String raw(String field) {
        return raw.get(field);
    }

    /**
     * The trimmed cell, or null when it is absent, blank, or holds a control character (already reported).
     * A secret with a control character is kept, for its own rule to reject without echoing it.
     */
    String text(String field) {
        String value = raw.get(field);
        if (value != null && SECRETS.contains(field)) {
            String trimmed = value.strip();
            return trimmed.isEmpty() ? null : trimmed;
        }
        return plainText(value);
    }

    /** A non-secret cell trimmed, or null when it is absent, blank or holds a control character. */
    static String plainText(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() || hasControlCharacter(trimmed) ? null : trimmed;
    }

    /** A secret is taken exactly as written: spaces may be part of it, and are judged by its own rule. */
    String secret(String field) {
        String value = raw.get(field);
        return value == null || value.isEmpty() ? null : value;
    }

    String required(String field) {
        return required(field, "is required");
    }

    String required(String field, String message) {
        String value = text(field);
        if (value == null && !hasControlCharacter(String.valueOf(raw.get(field)).strip())) {
            errors.add(new FieldError(field, message));
        }
        return value;
    }

    void maxLength(String field, int max) {
        String value = text(field);
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "is " + value.length() + " characters long; Google allows at most " + max));
        }
    }

    private void put(String field, String value) {
        if (value != null) {
            raw.put(field, value);
        }
    }

    private void checkControlCharacters(String field, String value) {
        String trimmed = value.strip();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Character.isISOControl(c)) {
                String what = c == '\n' || c == '\r' ? "a line break" : c == '\t' ? "a tab"
                        : String.format("the control character U+%04X", (int) c);
                errors.add(new FieldError(field, "'" + trimmed.replaceAll("\\p{Cntrl}+", " ") + "' contains " + what
                        + (c == '\n' || c == '\r' ? ": put each address line in its own column" : "")));
                return;
            }
        }
    }

    private static boolean hasControlCharacter(String value) {
        // A loop, not chars().anyMatch(): this runs for every cell of every row.
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
