package io.onboarding.validation;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers the first valid row of each domain in a file, so that later rows of the same domain are
 * rejected instead of ordering or overwriting the customer twice. Fed the rows in file order.
 */
public final class DuplicateDomains {

    private final Map<String, Long> firstValidLine = new HashMap<>();

    /**
     * Notes a row; answers the line of an earlier valid row with the same domain, if there is one.
     *
     * @param domain the normalised domain, or null when the row has none usable
     * @param valid whether the row itself passed validation
     */
    public Optional<Long> record(long line, String domain, boolean valid) {
        if (domain == null) {
            return Optional.empty();
        }
        Long first = firstValidLine.get(domain);
        if (first != null) {
            return Optional.of(first);
        }
        if (valid) {
            firstValidLine.put(domain, line);
        }
        return Optional.empty();
    }
}
