package io.onboarding.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTests {

    private final List<FieldError> warnings = new ArrayList<>();

    @ParameterizedTest
    @CsvSource({
        "+49 30 1234567, DE, +49301234567",
        "030 1234567, DE, +49301234567",
        "030/1234567, DE, +49301234567",
        "+49 30 1234567, IT, +49301234567",
        "06 6982 1234, IT, +390669821234",
        "+39 06 6982 1234, DE, +390669821234",
        "(415) 555-2671, US, +14155552671"})
    void validNumberIsFormattedAsE164(String value, String country, String expected) {
        assertThat(PhoneNumbers.e164(value, country, warnings)).isEqualTo(expected);
        assertThat(warnings).isEmpty();
    }

    @Test
    void internationalNumberNeedsNoCountry() {
        assertThat(PhoneNumbers.e164("+49 30 1234567", null, warnings)).isEqualTo("+49301234567");
        assertThat(warnings).isEmpty();
    }

    @Test
    void nationalNumberIsReadAsOneOfTheGivenCountry() {
        String italian = PhoneNumbers.e164("06 6982 1234", "IT", warnings);
        String german = PhoneNumbers.e164("030 1234567", "DE", warnings);

        assertThat(italian).startsWith("+39");
        assertThat(german).startsWith("+49");
        assertThat(warnings).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "not a phone", "+49 1", "030 1234567 89 1234 5678"})
    void invalidNumberIsNullWithAWarningQuotingIt(String value) {
        assertThat(PhoneNumbers.e164(value, "DE", warnings)).isNull();
        assertThat(warnings).singleElement().satisfies(warning -> {
            assertThat(warning.field()).isEqualTo("phoneNumber");
            assertThat(warning.message()).startsWith("'" + value + "' is not a valid phone number for DE (expected e.g. ")
                    .endsWith("); it was left out, as Google would drop it");
        });
    }

    @Test
    void warningQuotesAnExampleOfTheCountry() {
        assertThat(PhoneNumbers.e164("12345", "IT", warnings)).isNull();
        assertThat(warnings).singleElement().satisfies(warning ->
                assertThat(warning.message()).contains("'12345'", "for IT", "(expected e.g. +39 "));
    }

    @Test
    void nationalNumberWithoutCountryIsAWarningWithoutCountry() {
        assertThat(PhoneNumbers.e164("030 1234567", null, warnings)).isNull();
        assertThat(warnings).singleElement().satisfies(warning -> {
            assertThat(warning.field()).isEqualTo("phoneNumber");
            assertThat(warning.message()).startsWith("'030 1234567' is not a valid phone number (expected e.g. ")
                    .doesNotContain(" for ");
        });
    }
}
