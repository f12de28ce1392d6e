package io.onboarding.validation;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where this reseller may sell ({@code onboarding.countries.*}). Google publishes no list: the approved
 * countries are in the reseller's Partner Sales Console.
 *
 * @param allowed when not empty, only these countries (ISO 3166-1 alpha-2)
 * @param denied never these, even when allowed; default the comprehensively sanctioned countries
 */
@ConfigurationProperties("onboarding.countries")
public record CountryPolicyProperties(
        @DefaultValue List<String> allowed,
        @DefaultValue({"CU", "IR", "KP", "SY"}) List<String> denied) {
}
