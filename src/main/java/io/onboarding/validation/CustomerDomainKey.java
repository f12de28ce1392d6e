package io.onboarding.validation;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a domain however an operator typed it — {@code Bäckerei-Müller.de}, {@code ACME.DE.},
 * {@code https://acme.de/} — into the one form the ledger keys customers by: lower-case ASCII (an
 * internationalised name in its xn-- form), without scheme, path or trailing dot. Every lookup of a typed
 * domain goes through here (notify, the console, the duplicate check), so that none misses a customer the
 * report shows. Validation still rejects those forms in a CSV, with this form as its suggestion.
 */
public final class CustomerDomainKey {

    private static final Pattern SCHEME = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*://");

    private CustomerDomainKey() {
    }

    /** The ledger's key for a typed domain, or null when nothing usable was typed. */
    public static String of(String typed) {
        String bare = bare(typed);
        if (bare == null) {
            return null;
        }
        try {
            return IDN.toASCII(bare).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            // Not a domain at all: as typed, so that the lookup simply finds nothing.
            return bare;
        }
    }

    /**
     * The typed domain trimmed and lower-cased, without scheme, path and trailing dots; still in Unicode. Null
     * when nothing is left, or when it holds a control character: no such value reaches a log line or a query.
     */
    static String bare(String typed) {
        String text = Cells.plainText(typed);
        if (text == null) {
            return null;
        }
        String domain = SCHEME.matcher(text).replaceFirst("").replaceFirst("[/?#].*$", "")
                .replaceFirst("\\.+$", "").toLowerCase(Locale.ROOT);
        return domain.isEmpty() ? null : domain;
    }
}
