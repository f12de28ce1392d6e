package io.onboarding.validation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Which countries are real ISO codes, and which of them this reseller may sell to. */
@Component
public class CountryPolicy {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private final Set<String> allowed;
    private final Set<String> denied;

    public CountryPolicy(CountryPolicyProperties properties) {
        this.allowed = codes(properties.allowed(), "onboarding.countries.allowed");
        this.denied = codes(properties.denied(), "onboarding.countries.denied");
    }

    static boolean isIsoCountry(String upperCaseCode) {
        return ISO_COUNTRIES.contains(upperCaseCode);
    }

    /** Why the country is outside the policy, or null when the reseller may sell there. */
    String refusal(String countryCode) {
        if (denied.contains(countryCode)) {
            return countryCode + " is on the denied list (onboarding.countries.denied): resale there is not "
                    + "allowed";
        }
        if (!allowed.isEmpty() && !allowed.contains(countryCode)) {
            return countryCode + " is not among the countries approved for you (onboarding.countries.allowed, "
                    + "from your Partner Sales Console)";
        }
        return null;
    }

    private static Set<String> codes(List<String> configured, String property) {
        Set<String> codes = configured.stream().map(code -> code.trim().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        String unknown = codes.stream().filter(code -> !ISO_COUNTRIES.contains(code)).sorted()
                .collect(Collectors.joining(", "));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(property + " names codes that are not ISO 3166-1 alpha-2 countries: "
                    + unknown + " (known: e.g. " + String.join(", ", Arrays.asList("DE", "IT", "US")) + ")");
        }
        return codes;
    }
}
