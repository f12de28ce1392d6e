package io.onboarding.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.onboarding.csv.CustomerColumn;
import io.onboarding.csv.CustomerRow;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Validation follows the column enum: every column is read, checked and named by its header, and reaches the
 * validated customer. A column added to the enum without a rule of its own passes here as it is, trimmed.
 */
class EveryColumnValidationTests {

    private final RowValidator validator = new RowValidator(new CountryPolicy(
            new CountryPolicyProperties(List.of(), List.of("CU", "IR", "KP", "SY"))));

    @Test
    void aDomainRowWithEveryColumnFilledKeepsEveryColumnsValue() {
        // given a valid value in every column, with spaces around it
        Map<CustomerColumn, String> cells = everyColumn();
        cells.replaceAll((column, value) -> column.secret() ? value : "  " + value + " ");

        // when
        RowValidation validation = validator.validate(row(cells));

        // then every column has its value, trimmed (a password is taken as written, without spaces around it here)
        assertThat(validation.errors()).isEmpty();
        ValidatedCustomer customer = validation.customer();
        assertThat(customer.values()).containsOnlyKeys(CustomerColumn.values());
        for (CustomerColumn column : CustomerColumn.values()) {
            assertThat(customer.value(column)).as(column.header()).isEqualTo(everyColumn().get(column));
        }
        assertThat(customer.address().fields()).containsOnlyKeys(Arrays.stream(CustomerColumn.values())
                .filter(CustomerColumn::inAddress).toArray(CustomerColumn[]::new));
    }

    @ParameterizedTest
    @EnumSource(CustomerColumn.class)
    void aControlCharacterInAnyColumnButASecretIsAnErrorNamingItsHeader(CustomerColumn column) {
        // given
        Map<CustomerColumn, String> cells = everyColumn();
        cells.put(column, "a\u0007b");

        // when
        List<FieldError> errors = validator.validate(row(cells)).errors();

        // then a secret is judged by its own rule alone, which never repeats it
        FieldError controlCharacter = new FieldError(column.header(), "'a b' contains the control character U+0007");
        if (column.secret()) {
            assertThat(errors).as("a secret column needs a rule of its own that rejects this cell")
                    .doesNotContain(controlCharacter).extracting(FieldError::field).containsExactly(column.header());
            assertThat(errors.get(0).message()).doesNotContain("a\u0007b");
        } else {
            assertThat(errors).contains(controlCharacter);
        }
    }

    @ParameterizedTest
    @EnumSource(CustomerColumn.class)
    void aBlankRequiredColumnIsAnErrorNamingItsHeader(CustomerColumn column) {
        // given
        Map<CustomerColumn, String> cells = everyColumn();
        cells.put(column, " ");

        // when
        RowValidation validation = validator.validate(row(cells));

        // then (an optional column may still be needed by a customer type, which says so in words of its own)
        FieldError required = new FieldError(column.header(), "is required");
        if (column.required()) {
            assertThat(validation.errors()).containsExactly(required);
        } else {
            assertThat(validation.errors()).doesNotContain(required);
        }
    }

    /** A valid domain customer's value for every column, already in the form validation gives it back. */
    private static Map<CustomerColumn, String> everyColumn() {
        Map<CustomerColumn, String> cells = new EnumMap<>(CustomerColumn.class);
        for (CustomerColumn column : CustomerColumn.values()) {
            cells.put(column, switch (column) {
                case CUSTOMER_DOMAIN -> "example.com";
                case CUSTOMER_TYPE -> "domain";
                case POSTAL_CODE -> "10115";
                case COUNTRY_CODE -> "DE";
                case PHONE_NUMBER -> "+49301234567";
                case ALTERNATE_EMAIL -> "it@partner.example.org";
                case PRIMARY_ADMIN_EMAIL -> "owner@partner.example.org";
                case LANGUAGE -> "de";
                case ADMIN_USERNAME -> "first.last";
                case ADMIN_PASSWORD -> "S3cure!pass";
                case CUSTOMER_AUTH_TOKEN -> "0123abcdef";
                // A column with no rule of its own: any text will do.
                default -> "text of " + column.header();
            });
        }
        return cells;
    }

    private static CustomerRow row(Map<CustomerColumn, String> cells) {
        return new CustomerRow(2, cells, null, null, List.of());
    }
}
