package io.onboarding.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.onboarding.csv.CustomerColumn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNamesTests {

    private final List<FieldError> errors = new ArrayList<>();

    @Nested
    class CustomerDomain {

        @ParameterizedTest
        @CsvSource({"acme.de, acme.de", "ACME.DE, acme.de", "Shop.Acme.Co.UK, shop.acme.co.uk",
            "müller-bäckerei.de, xn--mller-bckerei-hfb76a.de", "MÜLLER-BÄCKEREI.de, xn--mller-bckerei-hfb76a.de",
            "xn--mller-bckerei-hfb76a.de, xn--mller-bckerei-hfb76a.de"})
        void validDomainIsLowerCaseAscii(String value, String expected) {
            assertThat(DomainNames.customerDomain(value, errors)).isEqualTo(expected);
            assertThat(errors).isEmpty();
        }

        @Test
        void wwwIsRefusedWithTheBareDomainSuggested() {
            assertThat(DomainNames.customerDomain("WWW.Acme.de", errors)).isNull();
            assertThat(errors).containsExactly(new FieldError("customerDomain", "'WWW.Acme.de' must not start with "
                    + "www. — Google wants the domain itself: use 'acme.de'"));
        }

        @ParameterizedTest
        @CsvSource({"https://acme.de, https://", "http://acme.de/path, http://", "ftp://www.acme.de., ftp://"})
        void schemeIsRefusedWithTheBareDomainSuggested(String value, String scheme) {
            assertThat(DomainNames.customerDomain(value, errors)).isNull();
            assertThat(errors).containsExactly(new FieldError("customerDomain",
                    "'" + value + "' must be the bare domain without '" + scheme + "': use 'acme.de'"));
        }

        @Test
        void trailingDotIsRefused() {
            assertThat(DomainNames.customerDomain("acme.de.", errors)).isNull();
            assertThat(errors).containsExactly(new FieldError("customerDomain",
                    "'acme.de.' must not end with a dot: use 'acme.de'"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"co.uk", "de", "com.br"})
        void publicSuffixIsRefused(String value) {
            assertThat(DomainNames.customerDomain(value, errors)).isNull();
            assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("customerDomain");
                assertThat(error.message()).startsWith("'" + value + "' ");
                if (value.contains(".")) {
                    assertThat(error.message()).contains("is a public suffix");
                }
            });
        }

        @Test
        void unknownSuffixIsRefused() {
            assertThat(DomainNames.customerDomain("acme.invalidtld", errors)).isNull();
            assertThat(errors).containsExactly(new FieldError("customerDomain",
                    "'acme.invalidtld' does not end in a known public suffix such as .com, .de or .co.uk"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"acme", "ac me.de", "ac_me.de", "-acme.de", "acme..de"})
        void malformedNameIsRefused(String value) {
            assertThat(DomainNames.customerDomain(value, errors)).isNull();
            assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("customerDomain");
                assertThat(error.message()).startsWith("'" + value + "' is not a valid domain name");
            });
        }

        @Test
        void nameLongerThan255CharactersIsRefused() {
            String value = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61) + ".de";

            assertThat(DomainNames.customerDomain(value, errors)).isNull();
            assertThat(errors).containsExactly(new FieldError("customerDomain",
                    "'" + value + "' is 256 characters long; a domain has at most 255"));
        }
    }

    @Nested
    class Email {

        @ParameterizedTest
        @CsvSource({"First.Last+tag@Example.COM, First.Last+tag@example.com", "it@notacme.de, it@notacme.de",
            "o'brien@shop.acme.co.uk, o'brien@shop.acme.co.uk"})
        void validAddressGetsItsDomainLowerCased(String value, String expected) {
            assertThat(DomainNames.email(CustomerColumn.ALTERNATE_EMAIL, value, errors)).isEqualTo(expected);
            assertThat(errors).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"a@b", "a@@b.com", "@b.com", "a b@c.com", "a@co.uk", "a@b.invalidtld", "a.@b.com",
            "no-at-sign.com", "a@"})
        void invalidAddressIsAnErrorOnTheGivenField(String value) {
            assertThat(DomainNames.email(CustomerColumn.PRIMARY_ADMIN_EMAIL, value, errors)).isNull();
            assertThat(errors).containsExactly(new FieldError("primaryAdminEmail",
                    "'" + value + "' is not a valid email address (expected name@example.com)"));
        }

        @Test
        void localPartLongerThan64IsAnError() {
            assertThat(DomainNames.email(CustomerColumn.ALTERNATE_EMAIL, "a".repeat(64) + "@b.com", errors)).isNotNull();
            assertThat(DomainNames.email(CustomerColumn.ALTERNATE_EMAIL, "a".repeat(65) + "@b.com", errors)).isNull();
            assertThat(errors).extracting(FieldError::field).containsExactly("alternateEmail");
        }
    }

    @Nested
    class OnDomain {

        @ParameterizedTest
        @ValueSource(strings = {"it@acme.de", "it@mail.acme.de", "it@a.b.acme.de"})
        void theDomainAndItsSubdomainsAreOnIt(String email) {
            assertThat(DomainNames.isOnDomain(email, "acme.de")).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"it@notacme.de", "it@acme.de.example.org", "it@acme.com", "acme.de@example.org"})
        void aDomainThatMerelyEndsTheSameIsNotOnIt(String email) {
            assertThat(DomainNames.isOnDomain(email, "acme.de")).isFalse();
        }
    }
}
