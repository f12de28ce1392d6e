package io.onboarding.validation;

import io.onboarding.csv.CustomerColumn;
import io.onboarding.csv.CustomerRow;
import java.util.List;
import java.util.Map;

/**
 * One row's cells by column, trimmed, with the checks every cell shares: no control characters or line and
 * paragraph separators, a warning for invisible format characters, required, maximum length. Each problem is
 * added to the row's error or warning list once, under the column's header name.
 */
final class Cells {

    private final Map<CustomerColumn, String> raw;
    private final List<FieldError> errors;
    private final List<FieldError> warnings;

    Cells(CustomerRow row, List<FieldError> errors, List<FieldError> warnings) {
        this.errors = errors;
        this.warnings = warnings;
        this.raw = row.cells();
        // Secrets are judged by their own rules (password policy, hexadecimal token), which exclude these.
        raw.forEach((column, value) -> {
            if (!column.secret() && !checkControlCharacters(column, value)) {
                checkFormatCharacters(column, value);
            }
        });
    }

    /** The cell as written, or null when the column is absent. */
    String raw(CustomerColumn column) {
        return raw.get(column);
    }

    /**
     * The trimmed cell, or null when it is absent, blank, or holds a control character (already reported).
     * A secret with a control character is kept, for its own rule to reject without echoing it.
     */
    String text(CustomerColumn column) {
        String value = raw.get(column);
        if (value != null && column.secret()) {
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
    String secret(CustomerColumn column) {
        String value = raw.get(column);
        return value == null || value.isEmpty() ? null : value;
    }

    String required(CustomerColumn column) {
        return required(column, "is required");
    }

    String required(CustomerColumn column, String message) {
        String value = text(column);
        if (value == null && !hasControlCharacter(String.valueOf(raw.get(column)).strip())) {
            errors.add(new FieldError(column, message));
        }
        return value;
    }

    void maxLength(CustomerColumn column, int max) {
        String value = text(column);
        if (value != null && value.length() > max) {
            errors.add(new FieldError(column, "is " + value.length() + " characters long; Google allows at most "
                    + max));
        }
    }

    /** Reports the first control character or line/paragraph separator; true when there was one. */
    private boolean checkControlCharacters(CustomerColumn column, String value) {
        String trimmed = value.strip();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (isForbidden(c)) {
                boolean lineBreak = c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085';
                String what = c == '\n' || c == '\r' ? "a line break" : c == '\t' ? "a tab"
                        : c == '\u2028' ? "a line separator (U+2028)" : c == '\u2029' ? "a paragraph separator (U+2029)"
                        : String.format("the control character U+%04X", (int) c);
                errors.add(new FieldError(column, "'" + trimmed.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}\\p{Cf}]+", " ")
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
    private void checkFormatCharacters(CustomerColumn column, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.getType(c) == Character.FORMAT) {
                warnings.add(new FieldError(column, String.format("contains the invisible character U+%04X at position "
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
