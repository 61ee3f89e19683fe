package io.leadproof.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a lead's first and last name for values people type to get past a form.
 *
 * <ul>
 * <li>NAME_PLACEHOLDER (SUSPECT): a name part that is a known placeholder ({@link #PLACEHOLDERS}: "test", "asdf",
 *     "n/a", "unknown", "first name"…), a whole name that is one ("John Doe", "Max Mustermann", "Test User"), or a
 *     first name of a single Latin, Cyrillic or Greek letter (a single Han character is a real given name). A last
 *     name of one letter is accepted: O, E and U are real family names (Korean 오, Chinese 鄂, Burmese U).</li>
 * <li>NAME_MASH (SUSPECT): a name part with digits, or a word that {@link KeyboardMash} calls mash.</li>
 * </ul>
 * Short real names ("Li", "Ng", "Wu", "Ó") and names in scripts other than Latin and Cyrillic pass unless they are a
 * placeholder. At most one finding per name part.
 */
public final class NameCheck {

    private static final Pattern WORD_BREAKS = Pattern.compile("[\\s\\-'’.]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    static final Set<String> PLACEHOLDERS = Set.of("test", "testing", "tester", "asdf", "qwerty", "xxx", "xx", "x",
            "na", "n/a", "n.a.", "none", "null", "nil", "unknown", "unbekannt", "inconnu", "fake", "dummy", "sample",
            "example", "lead", "user", "customer", "client", "name", "firstname", "first name", "first", "lastname",
            "last name", "last", "surname", "vorname", "nachname", "nom", "prenom", "prénom", "-", "--", "?", ".",
            "...", "foo", "bar", "blah", "noname", "no name", "anonymous", "anon", "abc", "aaa", "asd", "select");
    static final Set<String> PLACEHOLDER_NAMES = Set.of("john doe", "jane doe", "max mustermann", "erika mustermann",
            "test user", "test test", "first last", "firstname lastname", "first name last name", "foo bar", "john smith test");

    public QualityReport check(String firstName, String lastName) {
        var issues = new ArrayList<QualityIssue>();
        String first = normalised(firstName);
        String last = normalised(lastName);
        if (first != null && last != null && PLACEHOLDER_NAMES.contains(first + " " + last)) {
            issues.add(new QualityIssue(QualityCode.NAME_PLACEHOLDER, "firstName",
                    "'" + firstName.strip() + " " + lastName.strip() + "' is a placeholder name"));
            return QualityReport.of(issues);
        }
        part(firstName, first, "firstName", true, issues);
        part(lastName, last, "lastName", false, issues);
        return QualityReport.of(issues);
    }

    /** What is wrong with a normalised name part: the code and the message after the quoted name. */
    private record Finding(QualityCode code, String says) {
    }

    // An import repeats first names (and many last names) a million times: each distinct part is judged once.
    private static final BoundedMemo<Finding> GIVEN = new BoundedMemo<>(50_000, name -> judge(name, true));
    private static final BoundedMemo<Finding> FAMILY = new BoundedMemo<>(50_000, name -> judge(name, false));

    private static void part(String raw, String name, String field, boolean given, List<QualityIssue> issues) {
        if (name == null) {
            return;
        }
        Finding finding = (given ? GIVEN : FAMILY).apply(name);
        if (finding != null) {
            issues.add(new QualityIssue(finding.code(), field, shown(raw) + finding.says()));
        }
    }

    private static Finding judge(String name, boolean given) {
        if (PLACEHOLDERS.contains(name)) {
            return new Finding(QualityCode.NAME_PLACEHOLDER, " is a placeholder, not a name");
        } else if (given && isSingleAlphabetLetter(name.replace(".", ""))) {
            return new Finding(QualityCode.NAME_PLACEHOLDER, " is a single letter, not a first name");
        } else if (name.chars().anyMatch(Character::isDigit)) {
            return new Finding(QualityCode.NAME_MASH, " contains digits");
        }
        for (String word : WORD_BREAKS.split(name)) {
            String reason = KeyboardMash.reason(word);
            if (reason != null) {
                return new Finding(QualityCode.NAME_MASH, " looks like keyboard mash (" + reason + ")");
            }
        }
        return null;
    }

    /** The name as the finding quotes it (built only for a finding: most names have none). */
    private static String shown(String raw) {
        return "'" + raw.strip() + "'";
    }

    /** One letter of an alphabet; one Han character or Hangul syllable is a whole given name and passes. */
    private static boolean isSingleAlphabetLetter(String name) {
        if (name.codePointCount(0, name.length()) != 1) {
            return false;
        }
        var script = Character.UnicodeScript.of(name.codePointAt(0));
        return script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.CYRILLIC
                || script == Character.UnicodeScript.GREEK;
    }

    private static String normalised(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return SPACES.matcher(name.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
    }
}
