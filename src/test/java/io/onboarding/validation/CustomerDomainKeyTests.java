package io.onboarding.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerDomainKeyTests {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "acme.de                      | acme.de",
            "  ACME.DE.                   | acme.de",
            "acme.de..                    | acme.de",
            "https://acme.de              | acme.de",
            "HTTP://Acme.De/some/path?q=1 | acme.de",
            "bäckerei-müller.de           | xn--bckerei-mller-bfb28a.de",
            "Bäckerei-Müller.DE.          | xn--bckerei-mller-bfb28a.de",
            "https://bäckerei-müller.de/  | xn--bckerei-mller-bfb28a.de",
            "xn--bckerei-mller-bfb28a.de  | xn--bckerei-mller-bfb28a.de",
            "www.acme.de                  | www.acme.de"})
    void anyTypedFormBecomesTheLedgersKey(String typed, String key) {
        assertThat(CustomerDomainKey.of(typed)).isEqualTo(key);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "https://", "..."})
    void nothingUsableHasNoKey(String typed) {
        assertThat(CustomerDomainKey.of(typed)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bäckerei-müller.de", "ACME.DE", "rule43-kunde.de"})
    void aValidatedDomainIsItsOwnKey(String typed) {
        String validated = DomainNames.customerDomain(typed, new java.util.ArrayList<>());

        assertThat(CustomerDomainKey.of(validated)).isEqualTo(validated).isEqualTo(CustomerDomainKey.of(typed));
    }
}
