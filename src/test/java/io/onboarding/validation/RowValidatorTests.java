package io.onboarding.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.onboarding.csv.CustomerRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RowValidatorTests {

    private static final long LINE = 5;

    private final RowValidator validator = new RowValidator(new CountryPolicy(
            new CountryPolicyProperties(java.util.List.of(), java.util.List.of("CU", "IR", "KP", "SY"))));

    @Nested
    class ValidDomainRow {

        @Test
        void isNormalisedAndGetsDefaults() {
            CustomerRow row = domainRow(
                    "customerDomain", "  Example.COM ",
                    "customerType", "",
                    "organizationName", "  Example GmbH\t",
                    "countryCode", " de ",
                    "addressLine2", "   ",
                    "adminUsername", "",
                    "adminPassword", "");

            RowValidation validation = validator.validate(row);

            assertThat(validation.isValid()).isTrue();
            assertThat(validation.errors()).isEmpty();
            ValidatedCustomer customer = validation.customer();
            assertThat(customer.line()).isEqualTo(LINE);
            assertThat(customer.customerDomain()).isEqualTo("example.com");
            assertThat(customer.customerType()).isEqualTo(CustomerType.DOMAIN);
            assertThat(customer.organizationName()).isEqualTo("Example GmbH");
            assertThat(customer.countryCode()).isEqualTo("DE");
            assertThat(customer.addressLine1()).isEqualTo("Hauptstraße 1");
            assertThat(customer.addressLine2()).isNull();
            assertThat(customer.adminUsername()).isEqualTo("admin");
            assertThat(customer.adminEmail()).isEqualTo("admin@example.com");
            assertThat(customer.adminPassword()).isNull();
            assertThat(customer.adminGivenName()).isEqualTo("Erika");
            assertThat(customer.adminFamilyName()).isEqualTo("Mustermann");
            assertThat(customer.alternateEmail()).isEqualTo("it@partner.example.org");
            assertThat(customer.externalId()).isEqualTo("CRM-1");
        }

        @Test
        void keepsAGivenUsernameAndPassword() {
            ValidatedCustomer customer = validCustomer(domainRow(
                    "adminUsername", " first.last ",
                    "adminPassword", "S3cure!pass"));

            assertThat(customer.adminUsername()).isEqualTo("first.last");
            assertThat(customer.adminEmail()).isEqualTo("first.last@example.com");
            assertThat(customer.adminPassword()).isEqualTo("S3cure!pass");
        }
    }

    @Nested
    class RequiredFields {

        @ParameterizedTest
        @ValueSource(strings = {"customerDomain", "organizationName", "contactName", "postalCode", "countryCode"})
        void emptyCellIsAnErrorNamingTheField(String field) {
            assertThat(errorsOf(domainRow(field, ""))).containsExactly(new FieldError(field, "is required"));
            assertThat(errorsOf(domainRow(field, "   "))).containsExactly(new FieldError(field, "is required"));
            assertThat(errorsOf(teamRow(field, ""))).containsExactly(new FieldError(field, "is required"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"customerDomain", "organizationName", "contactName", "postalCode", "countryCode"})
        void absentColumnIsAnErrorNamingTheField(String field) {
            assertThat(errorsOf(domainRow(field, null))).extracting(FieldError::field).containsExactly(field);
        }
    }

    @Nested
    class CustomerTypeRule {

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "  ", "domain", "Domain", " DOMAIN "})
        void emptyOrDomainMeansDomain(String cell) {
            assertThat(validCustomer(domainRow("customerType", cell)).customerType()).isEqualTo(CustomerType.DOMAIN);
        }

        @ParameterizedTest
        @ValueSource(strings = {"team", "Team", "TEAM", " team "})
        void teamInAnyCaseMeansTeam(String cell) {
            assertThat(validCustomer(teamRow("customerType", cell)).customerType()).isEqualTo(CustomerType.TEAM);
        }

        @Test
        void anythingElseIsAnError() {
            List<FieldError> errors = errorsOf(domainRow("customerType", "enterprise"));

            assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("customerType");
                assertThat(error.message()).contains("'enterprise'");
            });
        }
    }

    @Nested
    class DomainCustomer {

        @Test
        void alternateEmailIsRequired() {
            assertThat(errorsOf(domainRow("alternateEmail", " "))).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("alternateEmail");
                assertThat(error.message()).startsWith("is required for domain customers");
            });
        }

        @Test
        void malformedAlternateEmailIsReportedOnce() {
            assertThat(errorsOf(domainRow("alternateEmail", "it-at-example.org"))).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("alternateEmail");
                assertThat(error.message()).isEqualTo("'it-at-example.org' is not a valid email address (expected name@example.com)");
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"it@example.com", "it@EXAMPLE.com", "it@mail.example.com", "it@a.b.example.com"})
        void alternateEmailOnTheOwnDomainOrASubdomainIsAnError(String email) {
            List<FieldError> errors = errorsOf(domainRow("customerDomain", "Example.com", "alternateEmail", email));

            assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("alternateEmail");
                assertThat(error.message()).contains("own domain example.com");
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"it@notexample.com", "it@example.com.au", "it@example.org"})
        void alternateEmailOnAnotherDomainIsFine(String email) {
            assertThat(validCustomer(domainRow("alternateEmail", email)).alternateEmail()).isEqualTo(email);
        }

        @ParameterizedTest
        @ValueSource(strings = {"adminGivenName", "adminFamilyName"})
        void adminNamesAreRequired(String field) {
            assertThat(errorsOf(domainRow(field, ""))).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo(field);
                assertThat(error.message()).startsWith("is required for domain customers");
            });
            assertThat(errorsOf(domainRow(field, null))).extracting(FieldError::field).containsExactly(field);
        }

        @ParameterizedTest
        @ValueSource(strings = {"adminGivenName", "adminFamilyName"})
        void adminNamesLongerThan40CharactersAreAnError(String field) {
            assertThat(validCustomer(domainRow(field, "x".repeat(40)))).isNotNull();

            assertThat(errorsOf(domainRow(field, "x".repeat(41)))).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo(field);
                assertThat(error.message()).contains("41 characters", "at most 40");
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"bad name", "bad@name", ".admin", "admin.", "jürgen"})
        void invalidUsernameIsAnError(String username) {
            assertThat(errorsOf(domainRow("adminUsername", username))).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("adminUsername");
                assertThat(error.message()).startsWith("'" + username + "' is not a valid user name");
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"Short7!", "pässwort-123", "with space-123", "tab\tin-the-middle"})
        void invalidPasswordIsAnErrorThatDoesNotEchoIt(String password) {
            List<FieldError> errors = errorsOf(domainRow("adminPassword", password));

            assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("adminPassword");
                assertThat(error.message()).contains("8 to 100").doesNotContain(password);
            });
        }

        @Test
        void passwordLongerThan100IsAnErrorThatDoesNotEchoIt() {
            String password = "Ab1!".repeat(25) + "x";

            assertThat(errorsOf(domainRow("adminPassword", password))).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("adminPassword");
                assertThat(error.message()).doesNotContain(password).doesNotContain("Ab1!");
            });
        }

        @ParameterizedTest
        @ValueSource(ints = {8, 100})
        void passwordOf8To100PrintableAsciiIsKept(int length) {
            String password = "Ab1!~xyz".repeat(13).substring(0, length);

            assertThat(validCustomer(domainRow("adminPassword", password)).adminPassword()).isEqualTo(password);
        }
    }

    @Nested
    class TeamCustomer {

        @Test
        void primaryAdminEmailIsRequired() {
            assertThat(errorsOf(teamRow("primaryAdminEmail", ""))).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("primaryAdminEmail");
                assertThat(error.message()).startsWith("is required for team customers");
            });
        }

        @Test
        void malformedPrimaryAdminEmailIsReportedOnce() {
            assertThat(errorsOf(teamRow("primaryAdminEmail", "owner"))).containsExactly(
                    new FieldError("primaryAdminEmail", "'owner' is not a valid email address (expected name@example.com)"));
        }

        @Test
        void adminNameFieldsAndPasswordAreDropped() {
            ValidatedCustomer customer = validCustomer(teamRow(
                    "adminGivenName", "Erika",
                    "adminFamilyName", "Mustermann",
                    "adminPassword", "S3cure!pass"));

            assertThat(customer.customerType()).isEqualTo(CustomerType.TEAM);
            assertThat(customer.adminGivenName()).isNull();
            assertThat(customer.adminFamilyName()).isNull();
            assertThat(customer.adminPassword()).isNull();
            assertThat(customer.adminEmail()).isEqualTo("owner@team-example.com");
        }

        @Test
        void adminNamesAreNotCheckedForTeams() {
            ValidatedCustomer customer = validCustomer(teamRow("adminGivenName", "x".repeat(41), "adminFamilyName", ""));

            assertThat(customer.adminGivenName()).isNull();
        }

        @Test
        void alternateEmailIsOptional() {
            ValidatedCustomer withoutAlternate = validCustomer(teamRow("alternateEmail", ""));
            ValidatedCustomer withAlternate = validCustomer(teamRow("alternateEmail", "boss@elsewhere.org"));

            assertThat(withoutAlternate.alternateEmail()).isNull();
            assertThat(withAlternate.alternateEmail()).isEqualTo("boss@elsewhere.org");
        }
    }

    @Nested
    class Language {

        @ParameterizedTest
        @CsvSource({"PT-br, pt-BR", "de, de", "DE, de", "zh_tw, zh-TW", "es-419, es-419", "' fr-ca ', fr-CA"})
        void supportedCodeIsCanonicalised(String cell, String expected) {
            assertThat(validCustomer(domainRow("language", cell)).language()).isEqualTo(expected);
        }

        @Test
        void emptyLanguageIsNull() {
            assertThat(validCustomer(domainRow("language", " ")).language()).isNull();
            assertThat(validCustomer(domainRow("language", null)).language()).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"klingon", "pt", "en-US"})
        void unsupportedCodeIsAnError(String cell) {
            assertThat(errorsOf(domainRow("language", cell))).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("language");
                assertThat(error.message()).startsWith("'" + cell + "' is not one of the 80 language codes");
            });
        }
    }

    @Nested
    class CountryCode {

        @ParameterizedTest
        @ValueSource(strings = {"deu", "D", "d1", "D E"})
        void notTwoLettersIsAnError(String cell) {
            assertThat(errorsOf(domainRow("countryCode", cell))).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("countryCode");
                assertThat(error.message()).contains("two-letter", "'" + cell + "'");
            });
        }

        @Test
        void lowerCaseIsUpperCased() {
            assertThat(validCustomer(domainRow("countryCode", "us")).countryCode()).isEqualTo("US");
        }
    }

    @Nested
    class FieldLength {

        @ParameterizedTest
        @ValueSource(strings = {"organizationName", "contactName", "addressLine1", "addressLine2", "addressLine3",
            "locality", "region", "postalCode"})
        void moreThan255CharactersIsAnError(String field) {
            assertThat(errorsOf(domainRow(field, "a".repeat(256)))).containsExactly(
                    new FieldError(field, "is 256 characters long; Google allows at most 255"));
        }

        @Test
        void exactly255CharactersIsFine() {
            assertThat(validCustomer(domainRow("addressLine1", "a".repeat(255))).addressLine1()).hasSize(255);
        }

        @Test
        void surroundingSpacesDoNotCount() {
            assertThat(validCustomer(domainRow("addressLine1", "  " + "a".repeat(255) + "  ")).addressLine1())
                    .isEqualTo("a".repeat(255));
        }
    }

    @Nested
    class SeveralProblems {

        @Test
        void allAreListed() {
            CustomerRow row = domainRow(
                    "organizationName", "",
                    "countryCode", "deu",
                    "language", "klingon",
                    "alternateEmail", "",
                    "adminUsername", "bad name",
                    "adminPassword", "short");

            RowValidation validation = validator.validate(row);

            assertThat(validation.isValid()).isFalse();
            assertThat(validation.customer()).isNull();
            assertThat(validation.errors()).hasSize(6);
            assertThat(validation.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                    "organizationName", "countryCode", "language", "alternateEmail", "adminUsername",
                    "adminPassword");
        }

        @Test
        void formatErrorOfTheRowIsAnErrorOnFieldRow() {
            String shape = "the row has 6 cells but the header has 5: is a comma inside a cell that is not quoted?";

            List<FieldError> errors = errorsOf(domainRow("formatError", shape));

            assertThat(errors).extracting(FieldError::field, FieldError::message).containsExactly(tuple("row", shape));
        }

        @Test
        void formatErrorComesTogetherWithCellErrors() {
            List<FieldError> errors = errorsOf(domainRow("formatError", "too many cells", "postalCode", ""));

            assertThat(errors).extracting(FieldError::field).containsExactly("row", "postalCode");
        }
    }

    @Nested
    class Unicode {

        @Test
        void namesAreKeptIntact() {
            ValidatedCustomer customer = validCustomer(domainRow(
                    "organizationName", "Công ty Nguyễn Văn Anh",
                    "contactName", "Nguyễn Văn Anh",
                    "addressLine1", "Weißenburger Straße 12",
                    "locality", "Düsseldorf",
                    "adminGivenName", "Jürgen",
                    "adminFamilyName", "Weiß"));

            assertThat(customer.organizationName()).isEqualTo("Công ty Nguyễn Văn Anh");
            assertThat(customer.contactName()).isEqualTo("Nguyễn Văn Anh");
            assertThat(customer.addressLine1()).isEqualTo("Weißenburger Straße 12");
            assertThat(customer.locality()).isEqualTo("Düsseldorf");
            assertThat(customer.adminGivenName()).isEqualTo("Jürgen");
            assertThat(customer.adminFamilyName()).isEqualTo("Weiß");
        }
    }

    private ValidatedCustomer validCustomer(CustomerRow row) {
        RowValidation validation = validator.validate(row);
        assertThat(validation.errors()).as("errors of %s", row).isEmpty();
        return validation.customer();
    }

    private List<FieldError> errorsOf(CustomerRow row) {
        RowValidation validation = validator.validate(row);
        assertThat(validation.isValid()).as("%s should be invalid", row).isFalse();
        return validation.errors();
    }

    /** A fully valid domain row, with the given field/value pairs overriding its cells. */
    private static CustomerRow domainRow(String... overrides) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("customerDomain", "example.com");
        cells.put("customerType", "domain");
        cells.put("organizationName", "Example GmbH");
        cells.put("contactName", "Erika Mustermann");
        cells.put("addressLine1", "Hauptstraße 1");
        cells.put("addressLine2", "");
        cells.put("addressLine3", "");
        cells.put("locality", "Berlin");
        cells.put("region", "");
        cells.put("postalCode", "10115");
        cells.put("countryCode", "DE");
        cells.put("phoneNumber", "+49 30 1234567");
        cells.put("alternateEmail", "it@partner.example.org");
        cells.put("primaryAdminEmail", "");
        cells.put("language", "de");
        cells.put("adminGivenName", "Erika");
        cells.put("adminFamilyName", "Mustermann");
        cells.put("adminUsername", "");
        cells.put("adminPassword", "");
        cells.put("customerAuthToken", "");
        cells.put("externalId", "CRM-1");
        cells.put("formatError", null);
        return row(cells, overrides);
    }

    /** A fully valid team row, with the given field/value pairs overriding its cells. */
    private static CustomerRow teamRow(String... overrides) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("customerDomain", "team-example.com");
        cells.put("customerType", "team");
        cells.put("organizationName", "Team Example");
        cells.put("contactName", "Tom Team");
        cells.put("addressLine1", "");
        cells.put("addressLine2", "");
        cells.put("addressLine3", "");
        cells.put("locality", "");
        cells.put("region", "");
        cells.put("postalCode", "94043");
        cells.put("countryCode", "US");
        cells.put("phoneNumber", "");
        cells.put("alternateEmail", "");
        cells.put("primaryAdminEmail", "owner@team-example.com");
        cells.put("language", "");
        cells.put("adminGivenName", "");
        cells.put("adminFamilyName", "");
        cells.put("adminUsername", "");
        cells.put("adminPassword", "");
        cells.put("customerAuthToken", "");
        cells.put("externalId", "");
        cells.put("formatError", null);
        return row(cells, overrides);
    }

    private static CustomerRow row(Map<String, String> cells, String... overrides) {
        if (overrides.length % 2 != 0) {
            throw new IllegalArgumentException("overrides come in field/value pairs");
        }
        for (int i = 0; i < overrides.length; i += 2) {
            if (!cells.containsKey(overrides[i])) {
                throw new IllegalArgumentException("no such field: " + overrides[i]);
            }
            cells.put(overrides[i], overrides[i + 1]);
        }
        return new CustomerRow(LINE, cells.get("customerDomain"), cells.get("customerType"),
                cells.get("organizationName"), cells.get("contactName"), cells.get("addressLine1"),
                cells.get("addressLine2"), cells.get("addressLine3"), cells.get("locality"), cells.get("region"),
                cells.get("postalCode"), cells.get("countryCode"), cells.get("phoneNumber"),
                cells.get("alternateEmail"), cells.get("primaryAdminEmail"), cells.get("language"),
                cells.get("adminGivenName"), cells.get("adminFamilyName"), cells.get("adminUsername"),
                cells.get("adminPassword"), cells.get("customerAuthToken"), cells.get("externalId"),
                cells.get("formatError"), java.util.List.of());
    }
}
