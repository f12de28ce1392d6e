package io.onboarding.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostalCodeFormatsTests {

    @Test
    void coversAtLeast170Countries() {
        assertThat(PostalCodeFormats.count()).isGreaterThanOrEqualTo(170);
    }

    @Test
    void everyCountryOfTheFileIsLoaded() throws Exception {
        Properties file = resource();
        long zipKeys = file.stringPropertyNames().stream().filter(key -> key.endsWith(".zip")).count();

        assertThat(PostalCodeFormats.count()).isEqualTo((int) zipKeys);
    }

    @Test
    void everyExampleOfTheFileMatchesItsOwnCountry() throws Exception {
        Properties file = resource();
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (String key : file.stringPropertyNames()) {
            if (!key.endsWith(".zipex")) {
                continue;
            }
            String country = key.substring(0, 2);
            assertThat(PostalCodeFormats.of(country)).as("format of %s, which has examples", country).isPresent();
            for (String example : file.getProperty(key).split(",")) {
                checked++;
                if (!PostalCodeFormats.matches(PostalCodeFormats.of(country).orElseThrow(), example.trim())) {
                    mismatches.add(country + ": " + example);
                }
            }
        }

        assertThat(checked).isGreaterThan(300);
        assertThat(mismatches).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"DE, 10115", "GB, SW1A 1AA", "GB, sw1a 1aa", "NL, 1012 AB", "NL, 1012ab", "BR, 01304-001",
        "JP, 100-0005", "CA, H3A 3G4", "US, 94105", "US, 94105-1234"})
    void validCodeMatches(String country, String postalCode) {
        assertThat(PostalCodeFormats.matches(PostalCodeFormats.of(country).orElseThrow(), postalCode)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"DE, 1234", "DE, 101155", "NL, 1012", "US, ABCDE", "JP, 1000005x", "CA, D3A 3G4", "GB, SW1A"})
    void invalidCodeDoesNotMatch(String country, String postalCode) {
        assertThat(PostalCodeFormats.matches(PostalCodeFormats.of(country).orElseThrow(), postalCode)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AE", "HK", "XX"})
    void countryWithoutPostalCodesHasNoFormat(String country) throws Exception {
        assertThat(resource().getProperty(country + ".zip")).isNull();
        assertThat(PostalCodeFormats.of(country)).isEmpty();
    }

    @Test
    void examplesAreAtMostThreeSeparatedByCommaAndSpace() {
        assertThat(PostalCodeFormats.of("DE").orElseThrow().examples()).isEqualTo("26133, 53225");
        assertThat(PostalCodeFormats.of("JP").orElseThrow().examples()).isEqualTo("154-0023, 350-1106, 951-8073");
        assertThat(PostalCodeFormats.of("NL").orElseThrow().examples()).isEqualTo("1234 AB, 2490 AA");
    }

    private static Properties resource() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = PostalCodeFormatsTests.class.getResourceAsStream("/validation/postal-codes.properties")) {
            assertThat(in).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
