package io.onboarding.validation;

import com.google.common.net.InternetDomainName;
import io.onboarding.csv.CustomerColumn;
import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks and normalises domain names and email addresses against the public suffix list (Guava). */
final class DomainNames {

    static final int MAX_DOMAIN = 255;
    private static final Pattern LOCAL_PART = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern SCHEME = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*://");

    private DomainNames() {
    }

    /** The customer's domain in lower-case ASCII (an internationalised one in its xn-- form), or null. */
    static String customerDomain(String value, List<FieldError> errors) {
        CustomerColumn field = CustomerColumn.CUSTOMER_DOMAIN;
        String bare = SCHEME.matcher(value).replaceFirst("");
        if (!bare.equals(value)) {
            errors.add(new FieldError(field, "'" + value + "' must be the bare domain without '"
                    + value.substring(0, value.length() - bare.length()) + "': use '" + suggest(bare) + "'"));
            return null;
        }
        if (value.endsWith(".")) {
            errors.add(new FieldError(field, "'" + value + "' must not end with a dot: use '" + suggest(value) + "'"));
            return null;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("www.")) {
            errors.add(new FieldError(field, "'" + value + "' must not start with www. — Google wants the domain "
                    + "itself: use '" + lower.substring(4) + "'"));
            return null;
        }
        String problem = domainProblem(lower);
        if (problem != null) {
            errors.add(new FieldError(field, "'" + value + "' " + problem));
            return null;
        }
        return CustomerDomainKey.of(lower);
    }

    /** The address with its domain lower-cased, or null when it is not a usable address. */
    static String email(CustomerColumn field, String value, List<FieldError> errors) {
        int at = value.lastIndexOf('@');
        String local = at > 0 ? value.substring(0, at) : "";
        String domain = at > 0 ? value.substring(at + 1).toLowerCase(Locale.ROOT) : "";
        if (at <= 0 || local.length() > 64 || !LOCAL_PART.matcher(local).matches() || domainProblem(domain) != null) {
            errors.add(new FieldError(field, "'" + value + "' is not a valid email address (expected "
                    + "name@example.com)"));
            return null;
        }
        return local + "@" + domain;
    }

    /** Whether the address is on the domain (in its ASCII form) or one of its subdomains, however written. */
    static boolean isOnDomain(String email, String domain) {
        String emailDomain = IDN.toASCII(email.substring(email.lastIndexOf('@') + 1)).toLowerCase(Locale.ROOT);
        return emailDomain.equals(domain) || emailDomain.endsWith("." + domain);
    }

    /** What is wrong with a lower-case domain name, or null when it is a registrable customer domain. */
    private static String domainProblem(String domain) {
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            return "is not a valid domain name";
        }
        if (ascii.length() > MAX_DOMAIN) {
            return "is " + ascii.length() + " characters long; a domain has at most " + MAX_DOMAIN;
        }
        if (!InternetDomainName.isValid(ascii) || !ascii.contains(".")) {
            return "is not a valid domain name (expected something like example.com)";
        }
        InternetDomainName name = InternetDomainName.from(ascii);
        if (name.isPublicSuffix()) {
            return "is a public suffix that anyone registers under, not a customer's domain";
        }
        if (!name.isUnderPublicSuffix()) {
            return "does not end in a known public suffix such as .com, .de or .co.uk";
        }
        return null;
    }

    /** The form to write instead: what the ledger's key is made from, without a www. in front. */
    private static String suggest(String value) {
        String domain = CustomerDomainKey.bare(value);
        return domain.startsWith("www.") ? domain.substring(4) : domain;
    }
}
