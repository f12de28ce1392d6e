package io.onboarding.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.onboarding.csv.CustomerCsvFile;
import io.onboarding.csv.CustomerRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Invisible Unicode that would reach Google: line and paragraph separators break a line wherever the value is shown,
 * so they are refused like any line break; format characters (zero-width, bidirectional controls, a byte-order mark
 * inside a cell) can make one name look like another, so the operator is warned naming row and field.
 */
class UnicodeSecurityTests {

    private static final String HEADER = "customerDomain,customerType,organizationName,contactName,addressLine1,"
            + "locality,postalCode,countryCode,alternateEmail,language,adminGivenName,adminFamilyName,adminPassword\n";
    private static final String ROW = "example.com,domain,%s,Erika Mustermann,Hauptstraße 1,Berlin,10115,DE,"
            + "it@partner.example.org,de,%s,Mustermann,%s\n";

    @TempDir
    Path tmp;

    private final RowValidator validator = new RowValidator(new CountryPolicy(
            new CountryPolicyProperties(List.of(), List.of("CU", "IR", "KP", "SY"))));

    @ParameterizedTest
    @ValueSource(strings = {"\u2028", "\u2029"})
    void lineAndParagraphSeparatorsAreRefusedLikeLineBreaks(String separator) throws Exception {
        // when
        RowValidation validation = validate("Example" + separator + "GmbH", "Erika", "");

        // then
        assertThat(validation.isValid()).isFalse();
        assertThat(validation.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("organizationName");
            assertThat(error.message()).contains("separator (U+202").doesNotContain(separator);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "\u200F", "\u202E", "\u2066", "\uFEFF"})
    void formatCharactersAreAcceptedWithAWarningNamingTheField(String invisible) throws Exception {
        // when
        RowValidation validation = validate("Example GmbH", "Eri" + invisible + "ka", "");

        // then
        assertThat(validation.isValid()).isTrue();
        assertThat(validation.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.field()).isEqualTo("adminGivenName");
            assertThat(warning.message()).contains(String.format("U+%04X at position 4", (int) invisible.charAt(0)));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "\u2028"})
    void aPasswordIsJudgedByItsOwnRuleAndNeverEchoed(String invisible) throws Exception {
        // when
        RowValidation validation = validate("Example GmbH", "Erika", "Secret" + invisible + "123!xY");

        // then
        assertThat(validation.isValid()).isFalse();
        assertThat(validation.problems()).extracting(FieldError::field).containsExactly("adminPassword");
        assertThat(validation.problems().toString()).doesNotContain("Secret");
    }

    private RowValidation validate(String organization, String givenName, String password) throws Exception {
        Path file = Files.writeString(Files.createTempFile(tmp, "unicode", ".csv"),
                HEADER + String.format(ROW, organization, givenName, password), StandardCharsets.UTF_8);
        try (CustomerCsvFile csv = CustomerCsvFile.open(file)) {
            CustomerRow row = csv.next();
            return validator.validate(row);
        }
    }
}
