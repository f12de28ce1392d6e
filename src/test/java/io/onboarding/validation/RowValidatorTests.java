package io.onboarding.validation;

import static io.onboarding.csv.CustomerColumn.ADDRESS_LINE1;
import static io.onboarding.csv.CustomerColumn.ADDRESS_LINE2;
import static io.onboarding.csv.CustomerColumn.ADMIN_FAMILY_NAME;
import static io.onboarding.csv.CustomerColumn.ADMIN_GIVEN_NAME;
import static io.onboarding.csv.CustomerColumn.ADMIN_PASSWORD;
import static io.onboarding.csv.CustomerColumn.ADMIN_USERNAME;
import static io.onboarding.csv.CustomerColumn.ALTERNATE_EMAIL;
import static io.onboarding.csv.CustomerColumn.CONTACT_NAME;
import static io.onboarding.csv.CustomerColumn.COUNTRY_CODE;
import static io.onboarding.csv.CustomerColumn.CUSTOMER_AUTH_TOKEN;
import static io.onboarding.csv.CustomerColumn.CUSTOMER_DOMAIN;
import static io.onboarding.csv.CustomerColumn.EXTERNAL_ID;
import static io.onboarding.csv.CustomerColumn.LANGUAGE;
import static io.onboarding.csv.CustomerColumn.LOCALITY;
import static io.onboarding.csv.CustomerColumn.ORGANIZATION_NAME;
import static io.onboarding.csv.CustomerColumn.PHONE_NUMBER;
import static io.onboarding.csv.CustomerColumn.POSTAL_CODE;
import static io.onboarding.csv.CustomerColumn.PRIMARY_ADMIN_EMAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.onboarding.csv.CustomerColumn;
import io.onboarding.csv.CustomerRow;
import java.util.EnumMap;
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

    @Test
    void theDomainAloneIsTheLedgersKeyAndAgreesWithTheWholeRowValidationWhereThatAcceptsIt() {
        // The duplicate scan keys rows by customerDomain(row): the same key the ledger and notify use.
        List<String> compared = new java.util.ArrayList<>();
        for (String fixture : List.of("fixtures/validation-rules.csv", "fixtures/e2e.csv")) {
            try (io.onboarding.csv.CustomerCsvFile file = io.onboarding.csv.CustomerCsvFile.open(
                    java.nio.file.Path.of("src/test/resources", fixture))) {
                for (CustomerRow row = file.next(); row != null; row = file.next()) {
                    String validated = validator.validate(row).customerDomain();
                    assertThat(validator.customerDomain(row)).as("%s line %d", fixture, row.line())
                            .isEqualTo(validated != null ? validated : CustomerDomainKey.of(
                                    Cells.plainText(row.cell(CUSTOMER_DOMAIN))));
                    compared.add(validator.customerDomain(row));
                }
            }
        }
        assertThat(compared).hasSizeGreaterThan(50).contains("first-of-two.de", "www.rule43-kunde.de").containsNull()
                .filteredOn("first-of-two.de"::equals).hasSize(3);
    }

    /** Rows read from a file whose header has 19 columns, as the independent run's file had. */
    @Nested
    class ShortRow {

        private static final String HEADER = "customerDomain,customerType,organizationName,contactName,addressLine1,"
                + "addressLine2,locality,region,postalCode,countryCode,phoneNumber,language,alternateEmail,"
                + "adminGivenName,adminFamilyName,adminUsername,adminPassword,externalId,customerAuthToken\n";

        @org.junit.jupiter.api.io.TempDir
        java.nio.file.Path tmp;

        @Test
        void missingRequiredCellsAreOneProblemNamingTheCellCounts() throws Exception {
            CustomerRow row = read(HEADER + "short.de,domain,Short GmbH,Sam Short,Hauptstr. 1,,Berlin,,10115,DE,,de,"
                    + "it@partner.example.org\n");

            RowValidation validation = validator.validate(row);

            assertThat(validation.isValid()).isFalse();
            assertThat(validation.errors()).containsExactly(new FieldError("row", "line 2 has 13 cells, the header "
                    + "has 19: the row stops before its required adminGivenName, adminFamilyName (is a line break "
                    + "inside a cell that is not quoted, or were cells left out?)"));
        }

        @Test
        void aRowBrokenByAnUnquotedLineBreakSaysSoOnceAndStillNamesItsOtherProblems() throws Exception {
            CustomerRow row = read(HEADER + "broken.de,domain,Broken GmbH,Bea Broken,Hauptstr. 1\n"
                    + "Hof 2,Berlin,,10115,DE,,de,it@partner.example.org,Bea,Broken,,,,\n");

            assertThat(validator.validate(row).errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("row");
                assertThat(error.message()).startsWith("line 2 has 5 cells, the header has 19: the row stops before "
                        + "its required postalCode, countryCode, alternateEmail, adminGivenName, adminFamilyName");
            });
        }

        @Test
        void problemsOfTheCellsItHasAreStillNamed() throws Exception {
            CustomerRow row = read(HEADER + "short.de,domain,Short GmbH,Sam Short,,,Berlin,,1011,DE,,de,"
                    + "it@partner.example.org\n");

            assertThat(validator.validate(row).errors()).extracting(FieldError::field)
                    .containsExactly("row", "postalCode");
        }

        @Test
        void missingCellsThatAreAllOptionalAreAcceptedAsSpreadsheetsWriteThem() throws Exception {
            CustomerRow row = read(HEADER + "short.de,domain,Short GmbH,Sam Short,,,Berlin,,10115,DE,,de,"
                    + "it@partner.example.org,Sam,Short\n");

            RowValidation validation = validator.validate(row);

            assertThat(validation.errors()).isEmpty();
            assertThat(validation.customer().value(ADMIN_USERNAME)).isEqualTo("admin");
        }

        @Test
        void neverEchoesAPasswordOrTransferTokenTheRowHolds() throws Exception {
            CustomerRow row = read("customerDomain,adminPassword,customerAuthToken,organizationName,contactName,"
                    + "postalCode,countryCode,alternateEmail,adminGivenName,adminFamilyName\n"
                    + "secret.de,Very-Secret-Pw-42,c0ffee15dead,Secret GmbH,Sue Secret,10115\n");

            assertThat(validator.validate(row).errors()).singleElement().satisfies(error -> assertThat(error.message())
                    .contains("line 2 has 6 cells, the header has 10", "countryCode, alternateEmail, adminGivenName")
                    .doesNotContain("Very-Secret-Pw-42").doesNotContain("c0ffee15dead"));
        }

        private CustomerRow read(String content) throws Exception {
            java.nio.file.Path file = java.nio.file.Files.writeString(tmp.resolve("short.csv"), content);
            try (io.onboarding.csv.CustomerCsvFile csv = io.onboarding.csv.CustomerCsvFile.open(file)) {
                return csv.next();
            }
        }
    }

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
            assertThat(customer.value(ORGANIZATION_NAME)).isEqualTo("Example GmbH");
            assertThat(customer.value(COUNTRY_CODE)).isEqualTo("DE");
            assertThat(customer.value(ADDRESS_LINE1)).isEqualTo("Hauptstraße 1");
            assertThat(customer.value(ADDRESS_LINE2)).isNull();
            assertThat(customer.value(ADMIN_USERNAME)).isEqualTo("admin");
            assertThat(customer.adminEmail()).isEqualTo("admin@example.com");
            assertThat(customer.value(ADMIN_PASSWORD)).isNull();
            assertThat(customer.value(ADMIN_GIVEN_NAME)).isEqualTo("Erika");
            assertThat(customer.value(ADMIN_FAMILY_NAME)).isEqualTo("Mustermann");
            assertThat(customer.value(ALTERNATE_EMAIL)).isEqualTo("it@partner.example.org");
            assertThat(customer.value(EXTERNAL_ID)).isEqualTo("CRM-1");
        }

        @Test
        void keepsAGivenUsernameAndPassword() {
            ValidatedCustomer customer = validCustomer(domainRow(
                    "adminUsername", " first.last ",
                    "adminPassword", "S3cure!pass"));

            assertThat(customer.value(ADMIN_USERNAME)).isEqualTo("first.last");
            assertThat(customer.adminEmail()).isEqualTo("first.last@example.com");
            assertThat(customer.value(ADMIN_PASSWORD)).isEqualTo("S3cure!pass");
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
            assertThat(validCustomer(domainRow("alternateEmail", email)).value(ALTERNATE_EMAIL)).isEqualTo(email);
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
        @CsvSource({"adminGivenName, 41", "adminGivenName, 60", "adminFamilyName, 41", "adminFamilyName, 60"})
        void adminNamesOfUpTo60CharactersAreAccepted(String field, int length) {
            // given a name longer than the 40 our spec once gave, within Google's 60
            String name = "Å".repeat(length);

            // when
            ValidatedCustomer customer = validCustomer(domainRow(field, name));

            // then
            assertThat(field.equals("adminGivenName") ? customer.value(ADMIN_GIVEN_NAME) : customer.value(ADMIN_FAMILY_NAME))
                    .isEqualTo(name);
        }

        @ParameterizedTest
        @ValueSource(strings = {"adminGivenName", "adminFamilyName"})
        void adminNamesLongerThan60CharactersAreAnError(String field) {
            assertThat(errorsOf(domainRow(field, "x".repeat(61)))).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo(field);
                assertThat(error.message()).isEqualTo("is 61 characters long; Google allows at most 60");
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

            assertThat(validCustomer(domainRow("adminPassword", password)).value(ADMIN_PASSWORD)).isEqualTo(password);
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
            assertThat(customer.value(ADMIN_GIVEN_NAME)).isNull();
            assertThat(customer.value(ADMIN_FAMILY_NAME)).isNull();
            assertThat(customer.value(ADMIN_PASSWORD)).isNull();
            assertThat(customer.adminEmail()).isEqualTo("owner@team-example.com");
        }

        @Test
        void adminNamesAreNotCheckedForTeams() {
            ValidatedCustomer customer = validCustomer(teamRow("adminGivenName", "x".repeat(41), "adminFamilyName", ""));

            assertThat(customer.value(ADMIN_GIVEN_NAME)).isNull();
        }

        @Test
        void alternateEmailIsOptional() {
            ValidatedCustomer withoutAlternate = validCustomer(teamRow("alternateEmail", ""));
            ValidatedCustomer withAlternate = validCustomer(teamRow("alternateEmail", "boss@elsewhere.org"));

            assertThat(withoutAlternate.value(ALTERNATE_EMAIL)).isNull();
            assertThat(withAlternate.value(ALTERNATE_EMAIL)).isEqualTo("boss@elsewhere.org");
        }
    }

    @Nested
    class Language {

        @ParameterizedTest
        @CsvSource({"PT-br, pt-BR", "de, de", "DE, de", "zh_tw, zh-TW", "es-419, es-419", "' fr-ca ', fr-CA"})
        void supportedCodeIsCanonicalised(String cell, String expected) {
            assertThat(validCustomer(domainRow("language", cell)).value(LANGUAGE)).isEqualTo(expected);
        }

        @Test
        void emptyLanguageIsNull() {
            assertThat(validCustomer(domainRow("language", " ")).value(LANGUAGE)).isNull();
            assertThat(validCustomer(domainRow("language", null)).value(LANGUAGE)).isNull();
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
            assertThat(validCustomer(domainRow("countryCode", "us")).value(COUNTRY_CODE)).isEqualTo("US");
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
            assertThat(validCustomer(domainRow("addressLine1", "a".repeat(255))).value(ADDRESS_LINE1)).hasSize(255);
        }

        @Test
        void surroundingSpacesDoNotCount() {
            assertThat(validCustomer(domainRow("addressLine1", "  " + "a".repeat(255) + "  ")).value(ADDRESS_LINE1))
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
            String shape = "the row has 6 cells but the header has 5: is a separator (comma or semicolon) inside a cell that is not quoted?";

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

            assertThat(customer.value(ORGANIZATION_NAME)).isEqualTo("Công ty Nguyễn Văn Anh");
            assertThat(customer.value(CONTACT_NAME)).isEqualTo("Nguyễn Văn Anh");
            assertThat(customer.value(ADDRESS_LINE1)).isEqualTo("Weißenburger Straße 12");
            assertThat(customer.value(LOCALITY)).isEqualTo("Düsseldorf");
            assertThat(customer.value(ADMIN_GIVEN_NAME)).isEqualTo("Jürgen");
            assertThat(customer.value(ADMIN_FAMILY_NAME)).isEqualTo("Weiß");
        }
    }

    @Nested
    class CustomerDomainRule {

        @Test
        void upperCaseIsLowerCased() {
            RowValidation validation = validator.validate(domainRow("customerDomain", "ACME.De"));

            assertThat(validation.errors()).isEmpty();
            assertThat(validation.customer().customerDomain()).isEqualTo("acme.de");
            assertThat(validation.customerDomain()).isEqualTo("acme.de");
        }

        @Test
        void wwwPrefixIsAnErrorSuggestingTheBareDomain() {
            assertThat(errorsOf(domainRow("customerDomain", "www.acme.de"))).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("customerDomain");
                assertThat(error.message()).contains("'www.acme.de'", "www.", "use 'acme.de'");
            });
        }

        @ParameterizedTest
        @CsvSource({"https://acme.de, https://", "http://acme.de/path, http://", "HTTPS://www.Acme.de/, HTTPS://"})
        void schemeIsAnErrorSuggestingTheBareDomain(String cell, String scheme) {
            assertThat(errorsOf(domainRow("customerDomain", cell))).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("customerDomain");
                assertThat(error.message()).contains("'" + cell + "'", "without '" + scheme + "'", "use 'acme.de'");
            });
        }

        @Test
        void trailingDotIsAnError() {
            assertThat(errorsOf(domainRow("customerDomain", "acme.de."))).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("customerDomain");
                assertThat(error.message()).contains("'acme.de.'", "must not end with a dot", "use 'acme.de'");
            });
        }

        @Test
        void aPublicSuffixItselfIsAnError() {
            assertThat(errorsOf(domainRow("customerDomain", "co.uk"))).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("customerDomain");
                assertThat(error.message()).contains("'co.uk'", "is a public suffix");
            });
        }

        @Test
        void anUnknownTopLevelDomainIsAnErrorAboutThePublicSuffix() {
            assertThat(errorsOf(domainRow("customerDomain", "acme.invalidtld"))).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("customerDomain");
                assertThat(error.message()).contains("'acme.invalidtld'", "does not end in a known public suffix");
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"acme", "ac me.de", "ac_me.de", "acme.ex ample.de", "shop_1.acme.de"})
        void aNameWithoutDotOrWithBadCharactersIsAnError(String cell) {
            assertThat(errorsOf(domainRow("customerDomain", cell))).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("customerDomain");
                assertThat(error.message()).startsWith("'" + cell + "' is not a valid domain name");
            });
        }

        @Test
        void aDomainLongerThan255CharactersIsAnError() {
            String domain = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61) + ".de";
            assertThat(domain).hasSize(256);

            assertThat(errorsOf(domainRow("customerDomain", domain))).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("customerDomain");
                assertThat(error.message()).contains("'" + domain + "'", "256 characters", "at most 255");
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"müller-bäckerei.de", "Müller-Bäckerei.DE"})
        void anInternationalisedDomainIsValidInItsAsciiForm(String cell) {
            RowValidation validation = validator.validate(domainRow("customerDomain", cell));

            assertThat(validation.errors()).isEmpty();
            assertThat(validation.customer().customerDomain()).isEqualTo("xn--mller-bckerei-hfb76a.de");
            assertThat(validation.customer().adminEmail()).isEqualTo("admin@xn--mller-bckerei-hfb76a.de");
        }

        @Test
        void aSubdomainUnderAMultiLabelSuffixIsValid() {
            assertThat(validCustomer(domainRow("customerDomain", "shop.acme.co.uk")).customerDomain())
                    .isEqualTo("shop.acme.co.uk");
        }
    }

    @Nested
    class EmailRule {

        @ParameterizedTest
        @CsvSource({
            "alternateEmail, a@b", "alternateEmail, a@@b.com", "alternateEmail, @b.com", "alternateEmail, 'a b@c.com'",
            "primaryAdminEmail, a@b", "primaryAdminEmail, a@@b.com", "primaryAdminEmail, @b.com",
            "primaryAdminEmail, 'a b@c.com'"})
        void malformedAddressIsAnErrorQuotingIt(String field, String cell) {
            assertThat(errorsOf(domainRow("customerDomain", "acme.de", field, cell))).containsExactly(
                    new FieldError(field, "'" + cell + "' is not a valid email address (expected name@example.com)"));
            assertThat(errorsOf(teamRow(field, cell))).containsExactly(
                    new FieldError(field, "'" + cell + "' is not a valid email address (expected name@example.com)"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"alternateEmail", "primaryAdminEmail"})
        void domainIsLowerCasedAndTheLocalPartKept(String field) {
            ValidatedCustomer customer = validCustomer(domainRow("customerDomain", "acme.de",
                    field, "First.Last+tag@Example.COM"));

            String normalised = "First.Last+tag@example.com";
            assertThat(field.equals("alternateEmail") ? customer.value(ALTERNATE_EMAIL) : customer.value(PRIMARY_ADMIN_EMAIL))
                    .isEqualTo(normalised);
        }

        @ParameterizedTest
        @ValueSource(strings = {"it@acme.de", "it@mail.acme.de", "it@MAIL.Acme.de"})
        void alternateEmailOnTheCustomersDomainOrASubdomainIsAnError(String email) {
            assertThat(errorsOf(domainRow("customerDomain", "acme.de", "alternateEmail", email))).singleElement()
                    .satisfies(error -> {
                        assertThat(error.field()).isEqualTo("alternateEmail");
                        assertThat(error.message()).contains("own domain acme.de",
                                "'" + email.substring(0, 3) + email.substring(3).toLowerCase(java.util.Locale.ROOT) + "'");
                    });
        }

        @Test
        void alternateEmailOnTheCustomersInternationalisedDomainInItsAsciiFormIsAnError() {
            assertThat(errorsOf(domainRow("customerDomain", "müller-bäckerei.de",
                    "alternateEmail", "it@xn--mller-bckerei-hfb76a.de"))).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("alternateEmail");
                        assertThat(error.message()).contains("own domain xn--mller-bckerei-hfb76a.de");
                    });
        }

        @ParameterizedTest
        @ValueSource(strings = {"it@müller-bäckerei.de", "it@mail.müller-bäckerei.de"})
        void alternateEmailOnTheCustomersInternationalisedDomainInUnicodeIsAnError(String email) {
            assertThat(errorsOf(domainRow("customerDomain", "müller-bäckerei.de", "alternateEmail", email)))
                    .singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("alternateEmail");
                        assertThat(error.message()).contains("'" + email + "'", "own domain");
                    });
        }

        @ParameterizedTest
        @ValueSource(strings = {"it@notacme.de", "it@acme.de.example.org", "it@acme.com"})
        void alternateEmailOnADomainThatOnlyEndsTheSameIsValid(String email) {
            assertThat(validCustomer(domainRow("customerDomain", "acme.de", "alternateEmail", email)).value(ALTERNATE_EMAIL))
                    .isEqualTo(email);
        }
    }

    @Nested
    class CountryCodeRule {

        @Test
        void lowerCaseIsUpperCased() {
            assertThat(validCustomer(domainRow("countryCode", "de")).value(COUNTRY_CODE)).isEqualTo("DE");
        }

        @ParameterizedTest
        @ValueSource(strings = {"XX", "DEU", "zz"})
        void anythingButAnIsoCountryIsAnError(String cell) {
            assertThat(errorsOf(domainRow("countryCode", cell))).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("countryCode");
                assertThat(error.message()).contains("'" + cell + "'", "ISO 3166-1");
            });
        }
    }

    @Nested
    class PostalCodeRule {

        @ParameterizedTest
        @CsvSource({"DE, 10115", "GB, SW1A 1AA", "NL, 1012 AB", "NL, 1012ab", "BR, 01304-001", "JP, 100-0005",
            "CA, H3A 3G4", "US, 94105", "US, 94105-1234"})
        void validCodeOfTheCountryIsKept(String country, String postalCode) {
            ValidatedCustomer customer = validCustomer(domainRow("countryCode", country, "postalCode", postalCode));

            assertThat(customer.value(POSTAL_CODE)).isEqualTo(postalCode);
            assertThat(customer.value(COUNTRY_CODE)).isEqualTo(country);
        }

        @ParameterizedTest
        @CsvSource({"DE, 1234, 26133", "NL, 1012, 1234 AB", "US, ABCDE, 95014", "JP, 1000005x, 154-0023"})
        void invalidCodeIsAnErrorNamingTheCountryWithExamples(String country, String postalCode, String example) {
            assertThat(errorsOf(domainRow("countryCode", country, "postalCode", postalCode))).singleElement()
                    .satisfies(error -> {
                        assertThat(error.field()).isEqualTo("postalCode");
                        assertThat(error.message()).startsWith(
                                "'" + postalCode + "' is not a postal code of " + country + " (e.g. " + example);
                        assertThat(error.message()).endsWith(")");
                    });
        }

        @Test
        void theMessageQuotesTheCountrysExamples() {
            assertThat(errorsOf(domainRow("countryCode", "DE", "postalCode", "1234"))).containsExactly(
                    new FieldError("postalCode", "'1234' is not a postal code of DE (e.g. 26133, 53225)"));
        }

        @ParameterizedTest
        @CsvSource({"AE, anything 123", "HK, '000'", "ae, X"})
        void aCountryWithoutPostalCodesTakesAnyValue(String country, String postalCode) {
            ValidatedCustomer customer = validCustomer(domainRow("countryCode", country, "postalCode", postalCode));

            assertThat(customer.value(POSTAL_CODE)).isEqualTo(postalCode);
        }

        @ParameterizedTest
        @ValueSource(strings = {"XX", "DEU"})
        void isNotCheckedWhenTheCountryCodeIsInvalid(String country) {
            assertThat(errorsOf(domainRow("countryCode", country, "postalCode", "1234")))
                    .extracting(FieldError::field).containsExactly("countryCode");
        }
    }

    @Nested
    class PhoneNumberRule {

        @ParameterizedTest
        @ValueSource(strings = {"+49 30 1234567", "030 1234567", "(030) 123-4567", "+49 (0)30 1234567"})
        void germanNumberIsNormalisedToE164(String cell) {
            RowValidation validation = validator.validate(domainRow("countryCode", "DE", "phoneNumber", cell));

            assertThat(validation.errors()).isEmpty();
            assertThat(validation.warnings()).isEmpty();
            assertThat(validation.customer().value(PHONE_NUMBER)).isEqualTo("+49301234567");
        }

        @ParameterizedTest
        @ValueSource(strings = {"12345", "not a phone"})
        void invalidNumberIsAWarningAndTheRowStaysValid(String cell) {
            RowValidation validation = validator.validate(domainRow("countryCode", "DE", "phoneNumber", cell));

            assertThat(validation.isValid()).isTrue();
            assertThat(validation.errors()).isEmpty();
            assertThat(validation.customer().value(PHONE_NUMBER)).isNull();
            assertThat(validation.warnings()).singleElement().satisfies(warning -> {
                assertThat(warning.field()).isEqualTo("phoneNumber");
                assertThat(warning.message()).startsWith("'" + cell + "' is not a valid phone number for DE");
            });
        }

        @Test
        void nationalNumberIsReadAsOneOfTheRowsCountry() {
            ValidatedCustomer customer = validCustomer(domainRow("countryCode", "IT", "postalCode", "00144",
                    "phoneNumber", "06 6982 1234"));

            assertThat(customer.value(PHONE_NUMBER)).isEqualTo("+390669821234");
        }

        @Test
        void warningForAnItalianRowNamesItalyAndAnItalianExample() {
            RowValidation validation = validator.validate(domainRow("countryCode", "IT", "postalCode", "00144",
                    "phoneNumber", "12345"));

            assertThat(validation.isValid()).isTrue();
            assertThat(validation.warnings()).singleElement().satisfies(warning -> {
                assertThat(warning.field()).isEqualTo("phoneNumber");
                assertThat(warning.message()).contains("'12345'", "for IT", "(expected e.g. +39 ");
            });
        }

        @Test
        void emptyNumberIsNullWithoutWarning() {
            RowValidation validation = validator.validate(domainRow("phoneNumber", "  "));

            assertThat(validation.customer().value(PHONE_NUMBER)).isNull();
            assertThat(validation.warnings()).isEmpty();
        }
    }

    @Nested
    class LanguageRule {

        @ParameterizedTest
        @CsvSource({"PT-br, pt-BR", "zh-tw, zh-TW", "IW, iw", "FIL, fil"})
        void anyCaseIsCanonicalised(String cell, String expected) {
            assertThat(validCustomer(domainRow("language", cell)).value(LANGUAGE)).isEqualTo(expected);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"he|iw", "pt|pt-BR or pt-PT", "en-US|en", "in|id", "zh|zh-CN"})
        void aCommonMistakeGetsASuggestion(String cell, String suggestion) {
            assertThat(errorsOf(domainRow("language", cell))).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("language");
                assertThat(error.message()).startsWith("'" + cell + "' is not one of the");
                assertThat(error.message()).contains(" — use " + suggestion);
            });
        }

        @Test
        void enUsSuggestsPlainEn() {
            assertThat(errorsOf(domainRow("language", "en-US"))).singleElement()
                    .satisfies(error -> assertThat(error.message()).endsWith(" — use en"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"xx", "klingon"})
        void anUnknownCodeGetsNoSuggestion(String cell) {
            assertThat(errorsOf(domainRow("language", cell))).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("language");
                assertThat(error.message()).startsWith("'" + cell + "' is not one of the 80 language codes")
                        .doesNotContain(" — use ");
            });
        }
    }

    @Nested
    class CustomerAuthTokenRule {

        @ParameterizedTest
        @ValueSource(strings = {"a1B2c3", "0123456789abcdefABCDEF"})
        void hexadecimalTokenIsKept(String token) {
            assertThat(validCustomer(domainRow("customerAuthToken", token)).value(CUSTOMER_AUTH_TOKEN)).isEqualTo(token);
        }

        @Test
        void surroundingSpacesAreTrimmed() {
            assertThat(validCustomer(domainRow("customerAuthToken", " a1B2c3 ")).value(CUSTOMER_AUTH_TOKEN))
                    .isEqualTo("a1B2c3");
        }

        @ParameterizedTest
        @ValueSource(strings = {"xyz-123", "a1b2 c3", "0x1F"})
        void otherTokenIsAnErrorThatDoesNotEchoIt(String token) {
            RowValidation validation = validator.validate(domainRow("customerAuthToken", token));

            assertThat(validation.isValid()).isFalse();
            assertThat(validation.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("customerAuthToken");
                assertThat(error.message()).contains("hexadecimal").doesNotContain(token);
            });
            assertThat(validation.warnings()).noneSatisfy(w -> assertThat(w.message()).contains(token));
        }

        @ParameterizedTest
        @ValueSource(strings = {"a1b2\tc3", "a1b2\nc3", "a1b2\u0007c3"})
        void tokenWithAControlCharacterIsAnErrorThatDoesNotEchoIt(String token) {
            RowValidation validation = validator.validate(domainRow("customerAuthToken", token));

            assertThat(validation.isValid()).isFalse();
            assertThat(validation.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("customerAuthToken");
                assertThat(error.message()).doesNotContain(token).doesNotContain("a1b2").doesNotContain("c3");
            });
        }
    }

    @Nested
    class ControlCharacters {

        @Test
        void lineBreakInsideACellIsAnError() {
            assertThat(errorsOf(domainRow("organizationName", "Acme\nGmbH"))).containsExactly(new FieldError(
                    "organizationName", "'Acme GmbH' contains a line break: put each address line in its own column"));
            assertThat(errorsOf(domainRow("addressLine1", "Hauptstraße 1\r\nHof 2"))).singleElement()
                    .satisfies(error -> {
                        assertThat(error.field()).isEqualTo("addressLine1");
                        assertThat(error.message()).contains("'Hauptstraße 1 Hof 2'", "a line break");
                    });
        }

        @Test
        void tabInsideACellIsAnError() {
            assertThat(errorsOf(domainRow("contactName", "Erika\tMustermann"))).containsExactly(
                    new FieldError("contactName", "'Erika Mustermann' contains a tab"));
        }

        @Test
        void otherControlCharacterIsAnErrorNamingItsCodePoint() {
            assertThat(errorsOf(domainRow("locality", "Ber\u0007lin"))).containsExactly(
                    new FieldError("locality", "'Ber lin' contains the control character U+0007"));
        }

        @Test
        void surroundingWhitespaceIncludingTabsAndLineBreaksIsTrimmedAway() {
            ValidatedCustomer customer = validCustomer(domainRow(
                    "organizationName", "  Acme GmbH\n",
                    "contactName", "\tErika Mustermann\r\n",
                    "locality", "\n Berlin \t"));

            assertThat(customer.value(ORGANIZATION_NAME)).isEqualTo("Acme GmbH");
            assertThat(customer.value(CONTACT_NAME)).isEqualTo("Erika Mustermann");
            assertThat(customer.value(LOCALITY)).isEqualTo("Berlin");
        }

        @Test
        void passwordWithATabGetsOnlyThePasswordErrorAndIsNotEchoed() {
            String password = "Secret\tPass123";

            RowValidation validation = validator.validate(domainRow("adminPassword", password));

            assertThat(validation.isValid()).isFalse();
            assertThat(validation.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("adminPassword");
                assertThat(error.message()).contains("8 to 100").doesNotContain("Secret").doesNotContain("Pass123");
            });
            assertThat(validation.warnings()).isEmpty();
        }
    }

    @Nested
    class TeamCustomerWarnings {

        @Test
        void filledAdminNamesAreOneWarningNamingEachField() {
            RowValidation validation = validator.validate(teamRow(
                    "adminGivenName", "Erika",
                    "adminFamilyName", "Mustermann"));

            assertThat(validation.isValid()).isTrue();
            assertThat(validation.errors()).isEmpty();
            assertThat(validation.warnings()).singleElement().satisfies(warning -> {
                assertThat(warning.field()).isEqualTo("adminGivenName adminFamilyName");
                assertThat(warning.message()).startsWith("ignored for team customers");
            });
        }

        @Test
        void allFourAdminFieldsAreNamedAndThePasswordIsNotEchoed() {
            RowValidation validation = validator.validate(teamRow(
                    "adminGivenName", "Erika",
                    "adminFamilyName", "Mustermann",
                    "adminUsername", "erika",
                    "adminPassword", "S3cure!pass"));

            assertThat(validation.isValid()).isTrue();
            assertThat(validation.warnings()).singleElement().satisfies(warning -> {
                assertThat(warning.field()).isEqualTo("adminGivenName adminFamilyName adminUsername adminPassword");
                assertThat(warning.message()).doesNotContain("S3cure!pass");
            });
        }

        @Test
        void blankAdminFieldsAreNoWarning() {
            RowValidation validation = validator.validate(teamRow("adminGivenName", "   ", "adminFamilyName", ""));

            assertThat(validation.isValid()).isTrue();
            assertThat(validation.warnings()).isEmpty();
        }

        @Test
        void emptyAlternateEmailIsValid() {
            RowValidation validation = validator.validate(teamRow("alternateEmail", ""));

            assertThat(validation.isValid()).isTrue();
            assertThat(validation.errors()).isEmpty();
            assertThat(validation.warnings()).isEmpty();
            assertThat(validation.customer().value(ALTERNATE_EMAIL)).isNull();
        }
    }

    @Nested
    class UnicodeNames {

        @ParameterizedTest
        @CsvSource({
            "contactName, Nguyễn Văn Anh", "contactName, Jürgen Weiß", "contactName, Siti Nurhaliza",
            "contactName, Niccolò Fabbrini",
            "organizationName, Nguyễn Văn Anh", "organizationName, Jürgen Weiß", "organizationName, Siti Nurhaliza",
            "organizationName, Niccolò Fabbrini",
            "adminGivenName, Nguyễn Văn Anh", "adminGivenName, Jürgen Weiß", "adminGivenName, Siti Nurhaliza",
            "adminGivenName, Niccolò Fabbrini",
            "adminFamilyName, Nguyễn Văn Anh", "adminFamilyName, Jürgen Weiß", "adminFamilyName, Siti Nurhaliza",
            "adminFamilyName, Niccolò Fabbrini"})
        void nameSurvivesUnchanged(String field, String name) {
            ValidatedCustomer customer = validCustomer(domainRow(field, name));

            String kept = switch (field) {
                case "contactName" -> customer.value(CONTACT_NAME);
                case "organizationName" -> customer.value(ORGANIZATION_NAME);
                case "adminGivenName" -> customer.value(ADMIN_GIVEN_NAME);
                case "adminFamilyName" -> customer.value(ADMIN_FAMILY_NAME);
                default -> throw new IllegalArgumentException(field);
            };
            assertThat(kept).isEqualTo(name);
        }

        @Test
        void allFourTogetherSurviveUnchanged() {
            ValidatedCustomer customer = validCustomer(domainRow(
                    "organizationName", "Niccolò Fabbrini S.r.l.",
                    "contactName", "Siti Nurhaliza",
                    "adminGivenName", "Jürgen",
                    "adminFamilyName", "Nguyễn Văn Anh"));

            assertThat(customer.value(ORGANIZATION_NAME)).isEqualTo("Niccolò Fabbrini S.r.l.");
            assertThat(customer.value(CONTACT_NAME)).isEqualTo("Siti Nurhaliza");
            assertThat(customer.value(ADMIN_GIVEN_NAME)).isEqualTo("Jürgen");
            assertThat(customer.value(ADMIN_FAMILY_NAME)).isEqualTo("Nguyễn Văn Anh");
        }
    }

    @Nested
    class ErrorsOfDifferentRules {

        @Test
        void areAllReportedInRuleOrder() {
            List<FieldError> errors = errorsOf(domainRow(
                    "customerDomain", "www.acme.de",
                    "alternateEmail", "a@@b.com",
                    "language", "xx",
                    "postalCode", "1234"));

            assertThat(errors).extracting(FieldError::field)
                    .containsExactly("customerDomain", "postalCode", "alternateEmail", "language");
            assertThat(errors.get(0).message()).contains("'www.acme.de'");
            assertThat(errors.get(1).message()).contains("'1234'", "of DE");
            assertThat(errors.get(2).message()).contains("'a@@b.com'");
            assertThat(errors.get(3).message()).contains("'xx'");
        }
    }

    @Nested
    class CountryRefusal {

        @ParameterizedTest
        @ValueSource(strings = {"IR", "ir", "CU", "KP", "SY"})
        void aDeniedCountryIsRefusedWithoutFieldErrors(String country) {
            RowValidation validation = validator.validate(domainRow(
                    "countryCode", country, "postalCode", postalCodeFor(country)));

            assertThat(validation.isValid()).isFalse();
            assertThat(validation.customer()).isNull();
            assertThat(validation.errors()).isEmpty();
            assertThat(validation.countryRefusal()).contains(country.toUpperCase(java.util.Locale.ROOT), "denied");
            assertThat(validation.customerDomain()).isEqualTo("example.com");
            assertThat(validation.problems()).containsExactly(
                    new FieldError("countryCode", validation.countryRefusal()));
        }

        @Test
        void refusalComesAfterTheFieldErrors() {
            RowValidation validation = validator.validate(domainRow(
                    "countryCode", "IR", "postalCode", "11936-12345", "language", "xx"));

            assertThat(validation.errors()).extracting(FieldError::field).containsExactly("language");
            assertThat(validation.problems()).extracting(FieldError::field).containsExactly("language", "countryCode");
        }

        @Test
        void anAllowedCountryIsNotRefused() {
            RowValidation validation = validator.validate(domainRow("countryCode", "DE"));

            assertThat(validation.isValid()).isTrue();
            assertThat(validation.countryRefusal()).isNull();
        }

        private static String postalCodeFor(String country) {
            return switch (country.toUpperCase(java.util.Locale.ROOT)) {
                case "IR" -> "11936-12345";
                default -> "12345";
            };
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
        // A cell named as the header names it; a null cell is a column the file leaves out.
        Map<CustomerColumn, String> byColumn = new EnumMap<>(CustomerColumn.class);
        cells.forEach((field, value) -> CustomerColumn.byHeader(field).ifPresent(column -> byColumn.put(column, value)));
        return new CustomerRow(LINE, byColumn, cells.get("formatError"), null, java.util.List.of());
    }
}
