package io.onboarding.validation;

import io.onboarding.csv.CustomerRow;
import io.onboarding.google.SupportedLanguages;
import io.onboarding.google.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
        String text = Cells.plainText(row.customerDomain());
        return text == null ? null : CustomerDomainKey.of(text);
    }

    public RowValidation validate(CustomerRow row) {
        List<FieldError> errors = new ArrayList<>();
        List<FieldError> warnings = new ArrayList<>();
        Cells cells = new Cells(row, errors, warnings);
        if (row.formatError() != null) {
            errors.add(new FieldError("row", row.formatError()));
        }
        String domain = cells.required("customerDomain") == null ? null
                : DomainNames.customerDomain(cells.text("customerDomain"), errors);
        CustomerType type = customerType(cells, errors);

        String organizationName = cells.required("organizationName");
        String contactName = cells.required("contactName");
        for (String field : List.of("organizationName", "contactName", "addressLine1", "addressLine2", "addressLine3",
                "locality", "region", "postalCode")) {
            cells.maxLength(field, MAX_ADDRESS_FIELD);
        }
        String countryCode = countryCode(cells, errors);
        String postalCode = postalCode(cells, countryCode, errors);
        String countryRefusal = countryCode == null ? null : countries.refusal(countryCode);
        String phone = cells.text("phoneNumber") == null ? null
                : PhoneNumbers.e164(cells.text("phoneNumber"), countryCode, warnings);

        String alternateEmail = email(cells, "alternateEmail", errors);
        String primaryAdminEmail = email(cells, "primaryAdminEmail", errors);
        String language = language(cells, errors);
        String token = cells.text("customerAuthToken");
        if (token != null && !HEX.matcher(token).matches()) {
            // The token is a credential: say what is wrong without repeating it.
            errors.add(new FieldError("customerAuthToken", "must be the hexadecimal transfer token the customer "
                    + "copied from their Admin console (digits 0-9 and letters a-f only)"));
        }
        String username = cells.text("adminUsername") == null ? DEFAULT_ADMIN_USERNAME : cells.text("adminUsername");
        String password = cells.secret("adminPassword");

        if (type == CustomerType.DOMAIN) {
            domainAdmin(cells, errors, domain, alternateEmail, username, password);
        } else if (type == CustomerType.TEAM) {
            if (primaryAdminEmail == null && cells.text("primaryAdminEmail") == null) {
                errors.add(new FieldError("primaryAdminEmail", "is required for team customers: Google sends the "
                        + "verification email there"));
            }
            List<String> ignored = Stream.of("adminGivenName", "adminFamilyName", "adminUsername", "adminPassword")
                    .filter(field -> cells.raw(field) != null && !cells.raw(field).isBlank()).toList();
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
        boolean domainType = type == CustomerType.DOMAIN;
        return new RowValidation(new ValidatedCustomer(row.line(), domain, type, organizationName, contactName,
                cells.text("addressLine1"), cells.text("addressLine2"), cells.text("addressLine3"),
                cells.text("locality"), cells.text("region"), postalCode, countryCode, phone, alternateEmail,
                primaryAdminEmail, language, domainType ? cells.text("adminGivenName") : null,
                domainType ? cells.text("adminFamilyName") : null, username, domainType ? password : null, token,
                cells.text("externalId")), domain, List.of(), warnings, null);
    }

    /**
     * A row that stops before cells it needs is one problem — its shape — not one missing value per cell; a row
     * whose missing cells are all optional stays valid, as spreadsheets write such rows.
     */
    private static void shortRow(CustomerRow row, List<FieldError> errors) {
        List<String> cutOff = row.shortfall().columns();
        List<String> failed = errors.stream().map(FieldError::field).toList();
        List<String> required = cutOff.stream().filter(failed::contains).toList();
        if (!required.isEmpty()) {
            errors.removeIf(error -> cutOff.contains(error.field()));
            errors.add(0, new FieldError("row", row.shortfall().problem(row.line(), required)));
        }
    }

    private static void domainAdmin(Cells cells, List<FieldError> errors, String domain, String alternateEmail,
            String username, String password) {
        if (alternateEmail == null && cells.text("alternateEmail") == null) {
            errors.add(new FieldError("alternateEmail", "is required for domain customers: Google sends the "
                    + "customer's account notices there, on another domain than the new one"));
        }
        if (alternateEmail != null && domain != null && DomainNames.isOnDomain(alternateEmail, domain)) {
            errors.add(new FieldError("alternateEmail", "'" + alternateEmail + "' must not be on the customer's own "
                    + "domain " + domain + ": the customer cannot read it before the domain is set up"));
        }
        for (String field : List.of("adminGivenName", "adminFamilyName")) {
            if (cells.required(field, "is required for domain customers: it names the first admin user") != null) {
                cells.maxLength(field, User.Name.MAX_LENGTH);
            }
        }
        if (!USERNAME.matcher(username).matches()) {
            errors.add(new FieldError("adminUsername", "'" + username + "' is not a valid user name: the part "
                    + "before @ of the admin's address, letters, digits and . _ ' - (e.g. admin, j.doe)"));
        }
        if (password != null && (password.length() < 8 || password.length() > 100
                || !password.chars().allMatch(c -> c >= 0x21 && c < 0x7f))) {
            // Never echo the password itself: messages end up in the report.
            errors.add(new FieldError("adminPassword", "must be 8 to 100 printable ASCII characters without "
                    + "spaces, or left empty to have one generated"));
        }
    }

    private static CustomerType customerType(Cells cells, List<FieldError> errors) {
        String value = cells.text("customerType");
        return CustomerType.parse(value == null ? "" : value).orElseGet(() -> {
            errors.add(new FieldError("customerType", "'" + value + "' must be 'domain' or 'team'"));
            return null;
        });
    }

    private static String countryCode(Cells cells, List<FieldError> errors) {
        String value = cells.required("countryCode");
        if (value == null) {
            return null;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (!CountryPolicy.isIsoCountry(upper)) {
            errors.add(new FieldError("countryCode", "'" + value + "' is not an ISO 3166-1 two-letter country code "
                    + "(e.g. DE, IT, ID, VN, ES, US)"));
            return null;
        }
        return upper;
    }

    private static String postalCode(Cells cells, String countryCode, List<FieldError> errors) {
        String value = cells.required("postalCode");
        if (value == null || countryCode == null || value.length() > MAX_ADDRESS_FIELD) {
            return value;
        }
        PostalCodeFormats.of(countryCode).ifPresent(format -> {
            if (!PostalCodeFormats.matches(format, value)) {
                errors.add(new FieldError("postalCode", "'" + value + "' is not a postal code of " + countryCode
                        + (format.examples().isEmpty() ? "" : " (e.g. " + format.examples() + ")")));
            }
        });
        return value;
    }

    private static String email(Cells cells, String field, List<FieldError> errors) {
        String value = cells.text(field);
        return value == null ? null : DomainNames.email(field, value, errors);
    }

    private static String language(Cells cells, List<FieldError> errors) {
        String value = cells.text("language");
        if (value == null) {
            return null;
        }
        return SupportedLanguages.canonical(value).orElseGet(() -> {
            errors.add(new FieldError("language", "'" + value + "' is not one of the " + SupportedLanguages.count()
                    + " language codes Google Workspace supports (e.g. de, es, pt-BR, zh-TW)"
                    + LanguageSuggestions.forCode(value)));
            return null;
        });
    }
}
