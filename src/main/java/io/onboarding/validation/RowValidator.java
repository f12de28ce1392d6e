package io.onboarding.validation;

import io.onboarding.csv.CustomerRow;
import io.onboarding.google.SupportedLanguages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks one row before any API call and names every problem at once, so that the operator fixes a
 * row in one go instead of spending a Google call per mistake.
 */
@Component
public class RowValidator {

    static final int MAX_ADDRESS_FIELD = 255;
    static final int MAX_NAME = 40;
    static final String DEFAULT_ADMIN_USERNAME = "admin";

    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._'-]{0,62}[A-Za-z0-9])?");

    public RowValidation validate(CustomerRow row) {
        List<FieldError> errors = new ArrayList<>();
        if (row.formatError() != null) {
            errors.add(new FieldError("row", row.formatError()));
        }
        String domain = lower(required(errors, "customerDomain", row.customerDomain()));
        CustomerType type = CustomerType.parse(text(row.customerType()) == null ? "" : text(row.customerType()))
                .orElse(null);
        if (type == null) {
            errors.add(new FieldError("customerType", "must be 'domain' or 'team', was '" + text(row.customerType())
                    + "'"));
        }
        String organizationName = required(errors, "organizationName", row.organizationName());
        String contactName = required(errors, "contactName", row.contactName());
        String postalCode = required(errors, "postalCode", row.postalCode());
        String countryCode = required(errors, "countryCode", row.countryCode());
        if (countryCode != null && !COUNTRY_CODE.matcher(countryCode).matches()) {
            errors.add(new FieldError("countryCode", "must be a two-letter ISO 3166-1 code like DE, was '"
                    + countryCode + "'"));
        }
        maxLength(errors, row);

        String alternateEmail = email(errors, "alternateEmail", row.alternateEmail());
        String primaryAdminEmail = email(errors, "primaryAdminEmail", row.primaryAdminEmail());
        String language = language(errors, row.language());
        String givenName = text(row.adminGivenName());
        String familyName = text(row.adminFamilyName());
        String username = text(row.adminUsername()) == null ? DEFAULT_ADMIN_USERNAME : text(row.adminUsername());
        String password = row.adminPassword() == null || row.adminPassword().isEmpty() ? null : row.adminPassword();

        if (type == CustomerType.DOMAIN) {
            if (alternateEmail == null && text(row.alternateEmail()) == null) {
                errors.add(new FieldError("alternateEmail", "is required for domain customers: Google sends the "
                        + "customer's account notices there"));
            }
            if (alternateEmail != null && domain != null && onDomain(alternateEmail, domain)) {
                errors.add(new FieldError("alternateEmail", "must not be on the customer's own domain " + domain
                        + ": the customer cannot read it before the domain is set up"));
            }
            adminName(errors, "adminGivenName", givenName);
            adminName(errors, "adminFamilyName", familyName);
            if (!LOCAL_PART.matcher(username).matches()) {
                errors.add(new FieldError("adminUsername", "must be the part before @ of the admin's address "
                        + "(letters, digits, . _ ' -), was '" + username + "'"));
            }
            if (password != null && (password.length() < 8 || password.length() > 100
                    || !password.chars().allMatch(c -> c >= 0x21 && c < 0x7f))) {
                // Never echo the password itself into the message: it ends up in the report.
                errors.add(new FieldError("adminPassword", "must be 8 to 100 printable ASCII characters without "
                        + "spaces, or left empty to have one generated"));
            }
        } else if (type == CustomerType.TEAM && primaryAdminEmail == null && text(row.primaryAdminEmail()) == null) {
            errors.add(new FieldError("primaryAdminEmail", "is required for team customers: Google sends the "
                    + "verification email there"));
        }
        if (!errors.isEmpty()) {
            return new RowValidation(null, errors);
        }
        return new RowValidation(new ValidatedCustomer(row.line(), domain, type, organizationName, contactName,
                text(row.addressLine1()), text(row.addressLine2()), text(row.addressLine3()), text(row.locality()),
                text(row.region()), postalCode, countryCode.toUpperCase(Locale.ROOT), text(row.phoneNumber()),
                alternateEmail, primaryAdminEmail, language,
                type == CustomerType.DOMAIN ? givenName : null, type == CustomerType.DOMAIN ? familyName : null,
                username, type == CustomerType.DOMAIN ? password : null, text(row.customerAuthToken()),
                text(row.externalId())), List.of());
    }

    private static String language(List<FieldError> errors, String cell) {
        String value = text(cell);
        if (value == null) {
            return null;
        }
        return SupportedLanguages.canonical(value).orElseGet(() -> {
            errors.add(new FieldError("language", "'" + value + "' is not one of the " + SupportedLanguages.count()
                    + " language codes Google Workspace supports (e.g. de, es, pt-BR, zh-TW)"));
            return null;
        });
    }

    private static String email(List<FieldError> errors, String field, String cell) {
        String value = text(cell);
        if (value == null) {
            return null;
        }
        if (!EMAIL.matcher(value).matches()) {
            errors.add(new FieldError(field, "'" + value + "' is not an email address"));
            return null;
        }
        return value;
    }

    private static void adminName(List<FieldError> errors, String field, String value) {
        if (value == null) {
            errors.add(new FieldError(field, "is required for domain customers: it names the first admin user"));
        } else if (value.length() > MAX_NAME) {
            errors.add(new FieldError(field, "is " + value.length() + " characters long; Google allows at most "
                    + MAX_NAME));
        }
    }

    private static void maxLength(List<FieldError> errors, CustomerRow row) {
        String[][] fields = {{"organizationName", row.organizationName()}, {"contactName", row.contactName()},
            {"addressLine1", row.addressLine1()}, {"addressLine2", row.addressLine2()},
            {"addressLine3", row.addressLine3()}, {"locality", row.locality()}, {"region", row.region()},
            {"postalCode", row.postalCode()}};
        for (String[] field : fields) {
            String value = text(field[1]);
            if (value != null && value.length() > MAX_ADDRESS_FIELD) {
                errors.add(new FieldError(field[0], "is " + value.length() + " characters long; Google allows at most "
                        + MAX_ADDRESS_FIELD));
            }
        }
    }

    private static boolean onDomain(String email, String domain) {
        String emailDomain = email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        return emailDomain.equals(domain) || emailDomain.endsWith("." + domain);
    }

    private static String required(List<FieldError> errors, String field, String cell) {
        String value = text(cell);
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        }
        return value;
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    /** The trimmed cell, or null when it is absent or blank. */
    private static String text(String cell) {
        if (cell == null) {
            return null;
        }
        String trimmed = cell.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
