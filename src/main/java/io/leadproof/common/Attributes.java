package io.leadproof.common;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Parses and renders custom attribute maps. */
public final class Attributes {

    public static final int MAX_ENTRIES = 50;
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private Attributes() {
    }

    public static Map<String, String> parse(List<AttributeInput> input, InputProblems problems, String field) {
        if (input == null) {
            return null;
        }
        if (input.size() > MAX_ENTRIES) {
            problems.add(UserErrorCode.TOO_MANY, field + " allows at most " + MAX_ENTRIES + " entries", field);
            return null;
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (AttributeInput entry : input) {
            if (entry.key() == null || !KEY.matcher(entry.key()).matches()) {
                problems.add(UserErrorCode.INVALID_KEY, field + " key '" + abbreviate(entry.key()) + "' must match " + KEY.pattern(), field);
                continue;
            }
            result.put(entry.key(), problems.text(entry.value(), 1000, field));
        }
        return result;
    }

    public static List<Attribute> render(Map<String, String> values) {
        return values.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .map(e -> new Attribute(e.getKey(), e.getValue()))
                .toList();
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
