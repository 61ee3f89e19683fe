package io.leadproof.imports;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Turns what exports put in a country column into an ISO 3166-1 alpha-2 code: the code itself, the alpha-3 code,
 * the country's name in any of {@link #LANGUAGES} as the JDK (CLDR) spells it, or a common alias ("USA", "UK",
 * "Holland", "Ivory Coast", "Czech Republic"…). Matching ignores case, accents, punctuation and a leading "the".
 * Usable by the API path too, so that "India" lands as IN there as well.
 */
public final class Countries {

    static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "fi",
            "pl", "cs", "tr", "ru", "ja", "zh", "ko", "ar", "hi");

    /** Names people write that no locale's display name covers, or that a display name spells differently. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("UK", "GB"), Map.entry("U.K.", "GB"), Map.entry("Great Britain", "GB"), Map.entry("Britain", "GB"),
            Map.entry("England", "GB"), Map.entry("Scotland", "GB"), Map.entry("Wales", "GB"),
            Map.entry("Northern Ireland", "GB"), Map.entry("United Kingdom of Great Britain and Northern Ireland", "GB"),
            Map.entry("US", "US"), Map.entry("U.S.", "US"), Map.entry("U.S.A.", "US"), Map.entry("America", "US"),
            Map.entry("United States of America", "US"), Map.entry("Holland", "NL"), Map.entry("UAE", "AE"),
            Map.entry("U.A.E.", "AE"), Map.entry("Emirates", "AE"), Map.entry("KSA", "SA"), Map.entry("Turkey", "TR"),
            Map.entry("Czech Republic", "CZ"), Map.entry("Ivory Coast", "CI"), Map.entry("Russian Federation", "RU"),
            Map.entry("Korea", "KR"), Map.entry("Republic of Korea", "KR"), Map.entry("Korea, Republic of", "KR"),
            Map.entry("North Korea", "KP"), Map.entry("Burma", "MM"), Map.entry("Myanmar", "MM"),
            Map.entry("Hong Kong", "HK"), Map.entry("Macau", "MO"), Map.entry("Macao", "MO"),
            Map.entry("Democratic Republic of the Congo", "CD"), Map.entry("DR Congo", "CD"), Map.entry("DRC", "CD"),
            Map.entry("Republic of the Congo", "CG"), Map.entry("Viet Nam", "VN"), Map.entry("Laos", "LA"),
            Map.entry("Syria", "SY"), Map.entry("Iran, Islamic Republic of", "IR"), Map.entry("Bolivia", "BO"),
            Map.entry("Venezuela", "VE"), Map.entry("Tanzania", "TZ"), Map.entry("Moldova", "MD"),
            Map.entry("Macedonia", "MK"), Map.entry("Bosnia", "BA"), Map.entry("Swaziland", "SZ"),
            Map.entry("Cape Verde", "CV"), Map.entry("East Timor", "TL"), Map.entry("Vatican", "VA"),
            Map.entry("Palestine", "PS"), Map.entry("Brunei", "BN"), Map.entry("Micronesia", "FM"),
            Map.entry("St Lucia", "LC"), Map.entry("Saint Lucia", "LC"), Map.entry("Trinidad", "TT"));

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");
    // after everything names() uses
    private static final Map<String, String> BY_NAME = names();
    /** Texts already looked up: a file repeats a few dozen country spellings a million times. */
    private static final Map<String, String> SEEN = new ConcurrentHashMap<>();
    private static final int SEEN_LIMIT = 10_000;
    private static final String UNKNOWN = "";

    private Countries() {
    }

    /** The alpha-2 code, or null when the text names no country this table knows. */
    public static String toIsoCode(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.length() == 2) {
            String upper = trimmed.toUpperCase(Locale.ROOT);
            if (CODES.contains(upper)) {
                return upper;
            }
        }
        String code = SEEN.get(trimmed);
        if (code == null) {
            code = BY_NAME.getOrDefault(key(trimmed), UNKNOWN);
            if (SEEN.size() < SEEN_LIMIT) {
                SEEN.put(trimmed, code);
            }
        }
        return code.isEmpty() ? null : code;
    }

    static String key(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        String words = NOT_ALPHANUMERIC.matcher(plain.toLowerCase(Locale.ROOT).replace("&", " and ")).replaceAll(" ").strip();
        return words.startsWith("the ") ? words.substring(4) : words;
    }

    private static Map<String, String> names() {
        var map = new HashMap<String, String>();
        ALIASES.forEach((alias, code) -> map.put(key(alias), code));
        for (String code : CODES) {
            Locale country = Locale.of("", code);
            map.putIfAbsent(key(country.getISO3Country()), code);
        }
        for (String language : LANGUAGES) {
            Locale in = Locale.of(language);
            for (String code : CODES) {
                String name = Locale.of("", code).getDisplayCountry(in);
                if (!name.isBlank() && !name.equals(code)) {
                    map.putIfAbsent(key(name), code);
                }
            }
        }
        return Map.copyOf(map);
    }

}
