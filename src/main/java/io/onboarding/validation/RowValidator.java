package io.onboarding.validation;

import static io.onboarding.csv.CustomerColumn.ADMIN_FAMILY_NAME;
import static io.onboarding.csv.CustomerColumn.ADMIN_GIVEN_NAME;
import static io.onboarding.csv.CustomerColumn.ADMIN_PASSWORD;
import static io.onboarding.csv.CustomerColumn.ADMIN_USERNAME;
import static io.onboarding.csv.CustomerColumn.ALTERNATE_EMAIL;
import static io.onboarding.csv.CustomerColumn.CONTACT_NAME;
import static io.onboarding.csv.CustomerColumn.COUNTRY_CODE;
import static io.onboarding.csv.CustomerColumn.CUSTOMER_AUTH_TOKEN;
import static io.onboarding.csv.CustomerColumn.CUSTOMER_DOMAIN;
import static io.onboarding.csv.CustomerColumn.CUSTOMER_TYPE;
import static io.onboarding.csv.CustomerColumn.LANGUAGE;
import static io.onboarding.csv.CustomerColumn.ORGANIZATION_NAME;
import static io.onboarding.csv.CustomerColumn.PHONE_NUMBER;
import static io.onboarding.csv.CustomerColumn.POSTAL_CODE;
import static io.onboarding.csv.CustomerColumn.PRIMARY_ADMIN_EMAIL;

import io.onboarding.csv.CustomerColumn;
import io.onboarding.csv.CustomerRow;
import io.onboarding.google.SupportedLanguages;
import io.onboarding.google.User;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks one row before any API call and names every problem at once — field, bad value, what is
 * expected — so that the operator fixes a row in one go instead of spending a Google call per mistake.
 */
@Component
public class RowValidator {

    static final int MAX_ADDRESS_FIELD = 255;
    static final String DEFAULT_ADMIN_USERNAME = "admin";

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._'-]{0,62}[A-Za-z0-9])?");
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");
    /** The first admin user's columns: a team customer's admin is its primaryAdminEmail instead. */
    private static final List<CustomerColumn> TEAM_IGNORES =
            List.of(ADMIN_GIVEN_NAME, ADMIN_FAMILY_NAME, ADMIN_USERNAME, ADMIN_PASSWORD);

    private final CountryPolicy countries;

    public RowValidator(CountryPolicy countries) {
        this.countries = countries;
    }

    /**
     * The ledger's key of the row's customer domain ({@link CustomerDomainKey}) — also for a form that
     * {@link #validate} rejects, such as {@code https://acme.de} — or null when the cell is empty; looks at no
     * other field, so that a whole file can be scanned for repeated domains cheaply.
     */
    public String customerDomain(CustomerRow row) {
        String text = Cells.plainText(row.cell(CUSTOMER_DOMAIN));
        return text == null ? null : CustomerDomainKey.of(text);
    }

    public RowValidation validate(CustomerRow row) {
        List<FieldError> errors = new ArrayList<>();
        List<FieldError> warnings = new ArrayList<>();
        Cells cells = new Cells(row, errors, warnings);
        if (row.formatError() != null) {
            errors.add(new FieldError("row", row.formatError()));
        }
        String domain = cells.required(CUSTOMER_DOMAIN) == null ? null
                : DomainNames.customerDomain(cells.text(CUSTOMER_DOMAIN), errors);
        CustomerType type = customerType(cells, errors);

        cells.required(ORGANIZATION_NAME);
        cells.required(CONTACT_NAME);
        for (CustomerColumn column : CustomerColumn.values()) {
            // The country code has a rule of its own: two letters.
            if (column.inAddress() && column != COUNTRY_CODE) {
                cells.maxLength(column, MAX_ADDRESS_FIELD);
            }
        }
        String countryCode = countryCode(cells, errors);
        String postalCode = postalCode(cells, countryCode, errors);
        String countryRefusal = countryCode == null ? null : countries.refusal(countryCode);
        String phone = cells.text(PHONE_NUMBER) == null ? null
                : PhoneNumbers.e164(cells.text(PHONE_NUMBER), countryCode, warnings);

        String alternateEmail = email(cells, ALTERNATE_EMAIL, errors);
        String primaryAdminEmail = email(cells, PRIMARY_ADMIN_EMAIL, errors);
        String language = language(cells, errors);
        String token = cells.text(CUSTOMER_AUTH_TOKEN);
        if (token != null && !HEX.matcher(token).matches()) {
            // The token is a credential: say what is wrong without repeating it.
            errors.add(new FieldError(CUSTOMER_AUTH_TOKEN, "must be the hexadecimal transfer token the customer "
                    + "copied from their Admin console (digits 0-9 and letters a-f only)"));
        }
        String username = cells.text(ADMIN_USERNAME) == null ? DEFAULT_ADMIN_USERNAME : cells.text(ADMIN_USERNAME);
        String password = cells.secret(ADMIN_PASSWORD);

        if (type == CustomerType.DOMAIN) {
            domainAdmin(cells, errors, domain, alternateEmail, username, password);
        } else if (type == CustomerType.TEAM) {
            if (primaryAdminEmail == null && cells.text(PRIMARY_ADMIN_EMAIL) == null) {
                errors.add(new FieldError(PRIMARY_ADMIN_EMAIL, "is required for team customers: Google sends the "
                        + "verification email there"));
            }
            List<String> ignored = TEAM_IGNORES.stream()
                    .filter(column -> cells.raw(column) != null && !cells.raw(column).isBlank())
                    .map(CustomerColumn::header).toList();
            if (!ignored.isEmpty()) {
                warnings.add(new FieldError(String.join(" ", ignored), "ignored for team customers: their admin is "
                        + "primaryAdminEmail, who is verified by email"));
            }
        }
        if (row.shortfall() != null) {
            shortRow(row, errors);
        }
        if (!errors.isEmpty() || countryRefusal != null) {
            return new RowValidation(null, domain, errors, warnings, countryRefusal);
        }
        // Every column's trimmed cell, unless a rule above made more of it (or a customer type ignores it).
        Map<CustomerColumn, String> values = new EnumMap<>(CustomerColumn.class);
        for (CustomerColumn column : CustomerColumn.values()) {
            values.put(column, cells.text(column));
        }
        values.put(CUSTOMER_DOMAIN, domain);
        values.put(POSTAL_CODE, postalCode);
        values.put(COUNTRY_CODE, countryCode);
        values.put(PHONE_NUMBER, phone);
        values.put(ALTERNATE_EMAIL, alternateEmail);
        values.put(PRIMARY_ADMIN_EMAIL, primaryAdminEmail);
        values.put(LANGUAGE, language);
        values.put(ADMIN_USERNAME, username);
        values.put(ADMIN_PASSWORD, password);
        if (type == CustomerType.TEAM) {
            TEAM_IGNORES.stream().filter(column -> column != ADMIN_USERNAME)
                    .forEach(column -> values.put(column, null));
        }
        return new RowValidation(new ValidatedCustomer(row.line(), type, values), domain, List.of(), warnings, null);
    }

    /**
     * A row that stops before cells it needs is one problem — its shape — not one missing value per cell; a row
     * whose missing cells are all optional stays valid, as spreadsheets write such rows.
     */
    private static void shortRow(CustomerRow row, List<FieldError> errors) {
        List<CustomerColumn> cutOff = row.shortfall().columns();
        List<String> failed = errors.stream().map(FieldError::field).toList();
        List<CustomerColumn> required = cutOff.stream().filter(column -> failed.contains(column.header())).toList();
        if (!required.isEmpty()) {
            List<String> cutOffFields = cutOff.stream().map(CustomerColumn::header).toList();
            errors.removeIf(error -> cutOffFields.contains(error.field()));
            errors.add(0, new FieldError("row", row.shortfall().problem(row.line(), required)));
        }
    }

    private static void domainAdmin(Cells cells, List<FieldError> errors, String domain, String alternateEmail,
            String username, String password) {
        if (alternateEmail == null && cells.text(ALTERNATE_EMAIL) == null) {
            errors.add(new FieldError(ALTERNATE_EMAIL, "is required for domain customers: Google sends the "
                    + "customer's account notices there, on another domain than the new one"));
        }
        if (alternateEmail != null && domain != null && DomainNames.isOnDomain(alternateEmail, domain)) {
            errors.add(new FieldError(ALTERNATE_EMAIL, "'" + alternateEmail + "' must not be on the customer's own "
                    + "domain " + domain + ": the customer cannot read it before the domain is set up"));
        }
        for (CustomerColumn column : List.of(ADMIN_GIVEN_NAME, ADMIN_FAMILY_NAME)) {
            if (cells.required(column, "is required for domain customers: it names the first admin user") != null) {
                cells.maxLength(column, User.Name.MAX_LENGTH);
            }
        }
        if (!USERNAME.matcher(username).matches()) {
            errors.add(new FieldError(ADMIN_USERNAME, "'" + username + "' is not a valid user name: the part "
                    + "before @ of the admin's address, letters, digits and . _ ' - (e.g. admin, j.doe)"));
        }
        if (password != null && (password.length() < 8 || password.length() > 100
                || !password.chars().allMatch(c -> c >= 0x21 && c < 0x7f))) {
            // Never echo the password itself: messages end up in the report.
            errors.add(new FieldError(ADMIN_PASSWORD, "must be 8 to 100 printable ASCII characters without "
                    + "spaces, or left empty to have one generated"));
        }
    }

    private static CustomerType customerType(Cells cells, List<FieldError> errors) {
        String value = cells.text(CUSTOMER_TYPE);
        return CustomerType.parse(value == null ? "" : value).orElseGet(() -> {
            errors.add(new FieldError(CUSTOMER_TYPE, "'" + value + "' must be 'domain' or 'team'"));
            return null;
        });
    }

    private static String countryCode(Cells cells, List<FieldError> errors) {
        String value = cells.required(COUNTRY_CODE);
        if (value == null) {
            return null;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (!CountryPolicy.isIsoCountry(upper)) {
            errors.add(new FieldError(COUNTRY_CODE, "'" + value + "' is not an ISO 3166-1 two-letter country code "
                    + "(e.g. DE, IT, ID, VN, ES, US)"));
            return null;
        }
        return upper;
    }

    private static String postalCode(Cells cells, String countryCode, List<FieldError> errors) {
        String value = cells.required(POSTAL_CODE);
        if (value == null || countryCode == null || value.length() > MAX_ADDRESS_FIELD) {
            return value;
        }
        PostalCodeFormats.of(countryCode).ifPresent(format -> {
            if (!PostalCodeFormats.matches(format, value)) {
                errors.add(new FieldError(POSTAL_CODE, "'" + value + "' is not a postal code of " + countryCode
                        + (format.examples().isEmpty() ? "" : " (e.g. " + format.examples() + ")")));
            }
        });
        return value;
    }

    private static String email(Cells cells, CustomerColumn column, List<FieldError> errors) {
        String value = cells.text(column);
        return value == null ? null : DomainNames.email(column, value, errors);
    }

    private static String language(Cells cells, List<FieldError> errors) {
        String value = cells.text(LANGUAGE);
        if (value == null) {
            return null;
        }
        return SupportedLanguages.canonical(value).orElseGet(() -> {
            errors.add(new FieldError(LANGUAGE, "'" + value + "' is not one of the " + SupportedLanguages.count()
                    + " language codes Google Workspace supports (e.g. de, es, pt-BR, zh-TW)"
                    + LanguageSuggestions.forCode(value)));
            return null;
        });
    }
}
