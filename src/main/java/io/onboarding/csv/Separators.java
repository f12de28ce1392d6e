package io.onboarding.csv;

/**
 * Tells the column separator from the header line. Spreadsheets in locales that write a decimal comma
 * (Germany, Italy, much of Europe) export "CSV" with semicolons; we read those as they are rather than
 * make the operator convert them.
 */
final class Separators {

    private Separators() {
    }

    /** {@code ;} when the header has more semicolons than commas outside quotes, else {@code ,}. */
    static char detect(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }
}
