package io.leadproof.quality;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Blocking keys for duplicate detection: a lead's keys are stored (e.g. a {@code lead_duplicate_key(workspace_id, key,
 * lead_id)} table), and the candidates of a lead are the other leads sharing any key, found with one set-based
 * lookup ({@code key = any(:keys)}); {@link DuplicateMatcher} then decides on each candidate.
 *
 * <ul>
 * <li>{@code e:<address>}: the email normalised: lower-cased, a "+tag" removed from the local part (sub-addressing,
 *     which Gmail, Outlook, iCloud, Fastmail and Proton all deliver to the same mailbox), and for gmail.com and
 *     googlemail.com the dots of the local part removed and the domain made gmail.com, as Gmail ignores them.</li>
 * <li>{@code p:<E.164>}: the phone in E.164, read in the lead's country when it has no country code.</li>
 * <li>{@code n:<company>|<initial>} and {@code d:<domain>|<initial>}: the same company, by normalised name and by web
 *     domain (the company domain, else a non-free email domain), with the first letter of the normalised last name,
 *     so that "Jon Smith" and "John Smyth" at Acme share a block. Only when a last name is known.</li>
 * </ul>
 */
public final class DuplicateKeys {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Set<String> LEGAL_FORMS = Set.of("inc", "incorporated", "llc", "ltd", "limited", "plc", "corp",
            "corporation", "co", "company", "gmbh", "ag", "kg", "ug", "se", "sa", "sas", "sarl", "srl", "spa", "bv",
            "nv", "ab", "as", "asa", "oy", "aps", "pty", "pvt", "kk", "sp", "zoo", "the", "group");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final DomainLists lists;

    public DuplicateKeys(DomainLists lists) {
        this.lists = lists;
    }

    public List<String> keysOf(PersonIdentity p) {
        var keys = new ArrayList<String>(4);
        String email = normalisedEmail(p.email());
        if (email != null) {
            keys.add("e:" + email);
        }
        String phone = e164(p.phone(), p.country());
        if (phone != null) {
            keys.add("p:" + phone);
        }
        String last = plain(p.lastName());
        if (last != null && !last.isEmpty()) {
            String initial = last.substring(0, 1);
            String company = companyName(p.companyName());
            if (company != null) {
                keys.add("n:" + company + "|" + initial);
            }
            String domain = companyDomain(p);
            if (domain != null) {
                keys.add("d:" + domain + "|" + initial);
            }
        }
        return keys;
    }

    /** The email as the same mailbox is reached, or null when there is none. */
    public static String normalisedEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String e = email.strip().toLowerCase(Locale.ROOT);
        int at = e.lastIndexOf('@');
        if (at <= 0) {
            return e;
        }
        String local = e.substring(0, at);
        String domain = e.substring(at + 1);
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }

    static String e164(String phone, String country) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        if (isE164(phone)) {
            return phone; // stored phones are E.164 already: no need to parse them again
        }
        try {
            var number = PHONES.parse(phone, country == null ? "ZZ" : country.toUpperCase(Locale.ROOT));
            return PHONES.isValidNumber(number) ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static boolean isE164(String phone) {
        if (phone.length() < 8 || phone.length() > 16 || phone.charAt(0) != '+' || phone.charAt(1) == '0') {
            return false;
        }
        for (int i = 1; i < phone.length(); i++) {
            if (!Character.isDigit(phone.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Lower case, no accents (ł, ø, đ, ß, æ, œ and ı folded too), letters and digits only, words joined by one space. */
    static String plain(String text) {
        if (text == null) {
            return null;
        }
        String p = text.toLowerCase(Locale.ROOT);
        if (!isAscii(p)) {
            p = MARKS.matcher(Normalizer.normalize(p, Normalizer.Form.NFD)).replaceAll("")
                    .replace("ł", "l").replace("ø", "o").replace("đ", "d").replace("ß", "ss").replace("æ", "ae")
                    .replace("œ", "oe").replace("ı", "i");
        }
        var words = new StringBuilder(p.length());
        boolean gap = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (gap && !words.isEmpty()) {
                    words.append(' ');
                }
                words.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return words.isEmpty() ? null : words.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static final BoundedMemo<String> COMPANY_NAMES = new BoundedMemo<>(50_000, DuplicateKeys::normalisedCompanyName);

    /** The company name without legal forms and punctuation: "ACME, Inc." and "Acme GmbH" are both "acme". */
    static String companyName(String name) {
        return COMPANY_NAMES.apply(name);
    }

    private static String normalisedCompanyName(String name) {
        String p = plain(name);
        if (p == null) {
            return null;
        }
        var words = new ArrayList<String>();
        for (String w : p.split(" ")) {
            if (!LEGAL_FORMS.contains(w)) {
                words.add(w);
            }
        }
        return words.isEmpty() ? p : String.join(" ", words);
    }

    String companyDomain(PersonIdentity p) {
        if (p.companyDomain() != null && !p.companyDomain().isBlank()) {
            return EmailCheck.bareDomain(p.companyDomain());
        }
        String email = normalisedEmail(p.email());
        if (email == null || email.indexOf('@') < 0) {
            return null;
        }
        String domain = email.substring(email.indexOf('@') + 1);
        return lists.isFreeMail(domain) || lists.isDisposable(domain) ? null : domain;
    }
}
