package io.onboarding.validation;

import java.util.Locale;
import java.util.Optional;

/** {@code domain} customers verify a domain and get a first admin user; {@code team} customers verify an email. */
public enum CustomerType {
    DOMAIN, TEAM;

    /** The value the Reseller API expects. */
    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<CustomerType> parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "", "domain" -> Optional.of(DOMAIN);
            case "team" -> Optional.of(TEAM);
            default -> Optional.empty();
        };
    }
}
