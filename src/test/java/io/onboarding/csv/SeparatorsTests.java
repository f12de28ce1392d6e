package io.onboarding.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeparatorsTests {

    @Test
    void commaSeparatedHeader() {
        assertThat(Separators.detect("customerDomain,organizationName,contactName,postalCode,countryCode"))
                .isEqualTo(',');
    }

    @Test
    void semicolonSeparatedHeader() {
        assertThat(Separators.detect("customerDomain;organizationName;contactName;postalCode;countryCode"))
                .isEqualTo(';');
    }

    @Test
    void semicolonsInsideQuotesDoNotCount() {
        assertThat(Separators.detect("\"notes; internal; do not; import\",customerDomain,countryCode"))
                .isEqualTo(',');
    }

    @Test
    void commasInsideQuotesDoNotCount() {
        assertThat(Separators.detect("\"Name, first, last, middle\";customerDomain;countryCode")).isEqualTo(';');
    }

    @Test
    void doubledQuotesInsideAQuotedCellKeepItQuoted() {
        assertThat(Separators.detect("\"say \"\"a;b;c;d\"\"\",customerDomain,countryCode")).isEqualTo(',');
    }

    @ParameterizedTest
    @ValueSource(strings = {"customerDomain", "", "a,b;c"})
    void withoutMoreSemicolonsItIsAComma(String header) {
        assertThat(Separators.detect(header)).isEqualTo(',');
    }
}
