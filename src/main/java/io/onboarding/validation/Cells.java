package io.onboarding.validation;

import io.onboarding.csv.CustomerRow;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One row's cells by column name, trimmed, with the checks every cell shares: no control characters or line and
 * paragraph separators, a warning for invisible format characters, required, maximum length. Each problem is
 * added to the row's error or warning list once.
 */
final class Cells {

    private static final Set<String> SECRETS = Set.of("adminPassword", "customerAuthToken");

    private final Map<String, String> raw;
    private final List<FieldError> errors;
    private final List<FieldError> warnings;

    Cells(CustomerRow row, List<FieldError> errors, List<FieldError> warnings) {
        this.errors = errors;
        this.warnings = warnings;
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
            if (!SECRETS.contains(field) && !checkControlCharacters(field, value)) {
                checkFormatCharacters(field, value);
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

    /** Reports the first control character or line/paragraph separator; true when there was one. */
    private boolean checkControlCharacters(String field, String value) {
        String trimmed = value.strip();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (isForbidden(c)) {
                boolean lineBreak = c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085';
                String what = c == '\n' || c == '\r' ? "a line break" : c == '\t' ? "a tab"
                        : c == '\u2028' ? "a line separator (U+2028)" : c == '\u2029' ? "a paragraph separator (U+2029)"
                        : String.format("the control character U+%04X", (int) c);
                errors.add(new FieldError(field, "'" + trimmed.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}\\p{Cf}]+", " ")
                        + "' contains " + what + (lineBreak ? ": put each address line in its own column" : "")));
                return true;
            }
        }
        return false;
    }

    /**
     * Warns of an invisible format character (zero-width, bidirectional controls, a byte-order mark inside the
     * cell): it reaches Google as it is, and can make a name or a domain look like another.
     */
    private void checkFormatCharacters(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.getType(c) == Character.FORMAT) {
                warnings.add(new FieldError(field, String.format("contains the invisible character U+%04X at position "
                        + "%d (a zero-width, direction or byte-order mark): it reaches Google as it is; remove it "
                        + "unless you mean it", (int) c, i + 1)));
                return;
            }
        }
    }

    /** Control characters, and the Unicode line and paragraph separators: each breaks a line where shown. */
    private static boolean isForbidden(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }

    private static boolean hasControlCharacter(String value) {
        // A loop, not chars().anyMatch(): this runs for every cell of every row.
        for (int i = 0; i < value.length(); i++) {
            if (isForbidden(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
