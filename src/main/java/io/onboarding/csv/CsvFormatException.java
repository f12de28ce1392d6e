package io.onboarding.csv;

/** The file as a whole cannot be read as a customer CSV: no header, a missing column, not UTF-8. */
public class CsvFormatException extends RuntimeException {

    public CsvFormatException(String message) {
        super(message);
    }

    public CsvFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
