package io.onboarding.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class CountryPolicyTests {

    @Test
    void defaultsDenyTheSanctionedCountriesAndAllowEverythingElse() {
        CountryPolicyProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("onboarding.countries", CountryPolicyProperties.class);

        assertThat(defaults.allowed()).isEmpty();
        assertThat(defaults.denied()).containsExactlyInAnyOrder("CU", "IR", "KP", "SY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CU", "IR", "KP", "SY"})
    void deniedCountryIsRefusedMentioningTheDeniedList(String country) {
        CountryPolicy policy = policy(List.of(), List.of("CU", "IR", "KP", "SY"));

        assertThat(policy.refusal(country)).startsWith(country + " ").contains("denied")
                .contains("onboarding.countries.denied");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE", "US", "VN", "ID"})
    void withoutAnAllowListEveryOtherCountryIsAllowed(String country) {
        assertThat(policy(List.of(), List.of("CU", "IR", "KP", "SY")).refusal(country)).isNull();
    }

    @Test
    void withAnAllowListOnlyThoseCountriesAreAllowed() {
        CountryPolicy policy = policy(List.of("DE", "AT"), List.of());

        assertThat(policy.refusal("DE")).isNull();
        assertThat(policy.refusal("AT")).isNull();
        assertThat(policy.refusal("FR")).startsWith("FR ").contains("approved", "Partner Sales Console",
                "onboarding.countries.allowed");
    }

    @Test
    void aCountryBothAllowedAndDeniedIsRefused() {
        CountryPolicy policy = policy(List.of("DE", "IR"), List.of("IR"));

        assertThat(policy.refusal("IR")).contains("denied");
        assertThat(policy.refusal("DE")).isNull();
    }

    @Test
    void configuredCodesMayBeLowerCaseOrPadded() {
        CountryPolicy policy = policy(List.of("de", " at "), List.of("ir"));

        assertThat(policy.refusal("DE")).isNull();
        assertThat(policy.refusal("AT")).isNull();
        assertThat(policy.refusal("FR")).contains("approved");
        assertThat(policy.refusal("IR")).contains("denied");
    }

    @Test
    void unknownAllowedCodeInTheConfigurationFailsNamingIt() {
        assertThatThrownBy(() -> policy(List.of("DE", "XX"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("onboarding.countries.allowed")
                .hasMessageContaining(": XX (");
    }

    @Test
    void unknownDeniedCodesInTheConfigurationFailNamingThem() {
        assertThatThrownBy(() -> policy(List.of(), List.of("IR", "zz", "DEU")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("onboarding.countries.denied")
                .hasMessageContaining("DEU, ZZ");
    }

    @Test
    void isoCountriesAreTheTwoLetterUpperCaseCodes() {
        assertThat(CountryPolicy.isIsoCountry("DE")).isTrue();
        assertThat(CountryPolicy.isIsoCountry("de")).isFalse();
        assertThat(CountryPolicy.isIsoCountry("XX")).isFalse();
        assertThat(CountryPolicy.isIsoCountry("DEU")).isFalse();
    }

    private static CountryPolicy policy(List<String> allowed, List<String> denied) {
        return new CountryPolicy(new CountryPolicyProperties(allowed, denied));
    }
}
