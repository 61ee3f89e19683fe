package io.leadproof.imports;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Matches text to an enum constant the way people write it: case, spaces, dashes, dots and slashes do not matter
 * ("Paid search", "paid-search" and "PAID_SEARCH" are one value; "Within 3 months" is WITHIN_3_MONTHS). A column's
 * value aliases (keys matched the same lenient way) are applied first, so "Google" can mean PAID_SEARCH.
 */
public final class LenientEnums {

    private static final Map<Class<?>, Map<String, Enum<?>>> CONSTANTS = new ConcurrentHashMap<>();

    private LenientEnums() {
    }

    /** The constant, or null when none matches; {@code aliases} as prepared by {@link #aliases(Map)}. */
    public static <E extends Enum<E>> E match(Class<E> type, String text, Map<String, String> aliases) {
        String key = key(text);
        String aliased = aliases.get(key);
        if (aliased != null) {
            key = key(aliased);
        }
        return type.cast(constants(type).get(key));
    }

    /** "ORGANIC_SEARCH, PAID_SEARCH, …": for the error message when nothing matches. */
    public static String allowed(Class<? extends Enum<?>> type) {
        return Stream.of(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** A column's value aliases with lenient keys, prepared once per column. */
    public static Map<String, String> aliases(Map<String, String> aliases) {
        return aliases.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(e -> key(e.getKey()), Map.Entry::getValue, (x, y) -> x));
    }

    static String key(String text) {
        var out = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (gap && !out.isEmpty()) {
                    out.append('_');
                }
                out.append(Character.toUpperCase(c));
                gap = false;
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    private static Map<String, Enum<?>> constants(Class<?> type) {
        return CONSTANTS.computeIfAbsent(type, t -> {
            var map = new HashMap<String, Enum<?>>();
            for (Object constant : t.getEnumConstants()) {
                Enum<?> e = (Enum<?>) constant;
                map.put(key(e.name()), e);
            }
            return Map.copyOf(map);
        });
    }
}
