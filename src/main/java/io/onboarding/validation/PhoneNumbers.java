package io.onboarding.validation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.onboarding.csv.CustomerColumn;
import java.util.List;

/**
 * Normalises phone numbers to E.164 with libphonenumber. Google silently drops a number it does not
 * like, so a bad one is a warning (the customer is still onboarded, without the number), not a reject.
 */
final class PhoneNumbers {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** The number in E.164 ({@code +4930123456}), or null with a warning when it is not valid for the country. */
    static String e164(String value, String countryCode, List<FieldError> warnings) {
        try {
            PhoneNumber number = PHONES.parse(value, countryCode);
            if (PHONES.isValidNumber(number)) {
                return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        } catch (NumberParseException e) {
            // Reported below like any other invalid number.
        }
        warnings.add(new FieldError(CustomerColumn.PHONE_NUMBER, "'" + value + "' is not a valid phone number"
                + (countryCode == null ? "" : " for " + countryCode) + " (expected e.g. " + example(countryCode)
                + "); it was left out, as Google would drop it"));
        return null;
    }

    private static String example(String countryCode) {
        PhoneNumber example = countryCode == null ? null : PHONES.getExampleNumber(countryCode);
        return example == null ? "+49 30 1234567"
                : PHONES.format(example, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
    }
}
