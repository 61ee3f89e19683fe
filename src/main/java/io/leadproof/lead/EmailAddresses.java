package io.leadproof.lead;

import java.util.Locale;
import java.util.regex.Pattern;

/** Email checks strict enough to refuse typos that would break matching and contact. */
public final class EmailAddresses {

    private static final Pattern SHAPE = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private EmailAddresses() {
    }

    public static boolean isValid(String email) {
        return email != null && email.length() <= 254 && SHAPE.matcher(email).matches()
                && !email.contains("..") && !email.startsWith(".");
    }

    /** Matching key: trimmed and lower-cased, so Ada@Example.com and ada@example.com are one lead. */
    public static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public static String domainOf(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        return at < 0 ? null : email.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
