package io.leadproof.quality;

import java.util.List;
import java.util.Locale;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Checks a phone number against the lead's country with libphonenumber.
 *
 * <ul>
 * <li>PHONE_INVALID (SUSPECT): cannot be parsed, is not a possible length, or is not a valid (assigned-range) number;
 *     a number without a country code needs the lead's country to be read at all.</li>
 * <li>PHONE_COUNTRY_MISMATCH (SUSPECT): valid, but for another country than the lead's (a +44 number on a lead in
 *     DE). Not raised when the lead has no country.</li>
 * </ul>
 * A bad phone leaves the lead SUSPECT, not INVALID: the email may still reach the person.
 */
public final class PhoneCheck {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** Findings for {@code phone} (as entered or E.164) of a lead in {@code country} (ISO alpha-2, may be null). */
    public QualityReport check(String phone, String country) {
        if (phone == null || phone.isBlank()) {
            return QualityReport.VALID;
        }
        String region = country == null ? "ZZ" : country.strip().toUpperCase(Locale.ROOT);
        PhoneNumber number;
        try {
            number = PHONES.parse(phone, region);
        } catch (NumberParseException e) {
            return invalid("'" + phone + "' cannot be read as a phone number"
                    + (country == null ? " (no country code and the lead has no country)" : ""));
        }
        return check(number, phone, country);
    }

    /**
     * The same for a number already parsed (e.g. by the lead validation, which parses every phone once): parsing
     * is most of the cost of this check.
     */
    public QualityReport check(PhoneNumber number, String phone, String country) {
        if (!PHONES.isPossibleNumber(number)) {
            return invalid("'" + phone + "' has the wrong number of digits for +" + number.getCountryCode());
        }
        String region = country == null ? null : country.strip().toUpperCase(Locale.ROOT);
        // valid for the lead's country settles it with one validity check, the common case
        if (region != null && PHONES.isValidNumberForRegion(number, region)) {
            return QualityReport.VALID;
        }
        if (!PHONES.isValidNumber(number)) {
            return invalid("'" + phone + "' is not a number in use in any range of +" + number.getCountryCode());
        }
        if (region != null) {
            return QualityReport.of(List.of(new QualityIssue(QualityCode.PHONE_COUNTRY_MISMATCH, "phone",
                    "'" + phone + "' is a number of " + PHONES.getRegionCodeForNumber(number) + ", the lead is in " + region)));
        }
        return QualityReport.VALID;
    }

    private static QualityReport invalid(String message) {
        return QualityReport.of(List.of(new QualityIssue(QualityCode.PHONE_INVALID, "phone", message)));
    }
}
